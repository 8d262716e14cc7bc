"""Every command on a shared PostgreSQL library (a real server for the session)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.support import corpus


def run(*args: str, env_db: str | None = None) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    if env_db:
        env["QUOTE_READER_DB"] = env_db
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=600,
                          env=env)


@pytest.mark.slow
def test_every_command_on_a_server_library(tmp_path, pg_url):
    folder = tmp_path / "articles"
    corpus.write(folder, 5)
    done = run("import", str(folder), "--db", pg_url, "--jobs", "2", "--quiet")
    assert done.returncode == 0, done.stderr
    assert "5 added" in done.stderr
    found = run("search", '"matter of trust"', "--json", "--db", pg_url)
    assert found.returncode == 0, found.stderr
    assert len(json.loads(found.stdout)) == 5
    by = run("search", "--speaker", "Sharma", "--json", env_db=pg_url)  # $QUOTE_READER_DB takes a URL too
    assert by.returncode == 0 and all(h["speaker"] == "Anita Sharma" for h in json.loads(by.stdout))
    assert run("speakers", "--merge", "Anita Sharma", "Sharma", "--db", pg_url).returncode == 0
    listed = run("speakers", "--json", "--db", pg_url)
    assert "Anita Sharma" in {s["name"] for s in json.loads(listed.stdout)}
    out = tmp_path / "quotes.csv"
    assert run("export", "trust", "-o", str(out), "--db", pg_url).returncode == 0
    assert out.read_text(encoding="utf-8").count("matter of trust") == 5
    check = run("library", "--check", "--db", pg_url)
    assert check.returncode == 0, check.stderr
    assert "5 articles" in check.stdout and "on 127.0.0.1" in check.stdout
    aside = run("library", "--set-aside", "--db", pg_url)
    assert aside.returncode == 2 and aside.stderr.count("\n") == 1


def test_an_unreachable_library_is_one_line_from_every_command():
    url = "postgresql+psycopg://nobody@127.0.0.1:1/quotes"
    for args in (["search", "x"], ["speakers"], ["library"]):
        done = run(*args, "--db", url)
        assert done.returncode == 1
        assert done.stderr.count("\n") == 1 and "cannot reach the library quotes on 127.0.0.1:1" in done.stderr
