"""Shared fixtures. Qt runs offscreen; every test gets its own library file and settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def log_file(tmp_path, monkeypatch) -> Path:
    """Each test logs to a file of its own, never to the user's log."""
    path = tmp_path / "quote-reader.log"
    monkeypatch.setenv("QUOTE_READER_LOG", str(path))
    return path


@pytest.fixture
def serve():
    """Start a web server on loopback with the given handler class; returns its base address."""
    import http.server
    import threading

    servers = []

    def start(handler: type) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def nlp():
    from reader.nlp.pipeline import shared_nlp

    return shared_nlp()


@pytest.fixture
def quotes_of(nlp):
    """What the engine reads in a text: (the quote's words, its speaker) in the article's order."""
    from reader.nlp.analyse import analyse_text

    def read(text: str) -> list[tuple[str, str | None]]:
        return [(q.text, q.speaker) for q in analyse_text(nlp, text).quotes]

    return read


@pytest.fixture(scope="session")
def engine():
    from reader.service import Engine

    return Engine()


@pytest.fixture
def library(tmp_path):
    from reader.library import Library

    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present (a user's clone has no shared data)")
    return SHARED


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session (Debian's binaries; skipped with a reason without them)."""
    from tests.support.postgres import Server, binaries

    if binaries() is None:
        pytest.skip("PostgreSQL's binaries are not installed (apt-get install postgresql)")
    pytest.importorskip("psycopg", reason="the team extra (psycopg) is not installed")
    server = Server()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server):
    """A new, empty database on the session's server, as an SQLAlchemy URL."""
    import uuid

    return pg_server.create_database("t_" + uuid.uuid4().hex[:12])
