"""Every bad file gets one clear sentence (or opens), from `quote-reader extract` and from the loaders;
nothing is fetched from the network, and nothing of a library's own complaints reaches the terminal."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.documents import DocumentError, load_article
from tests.bad_inputs import CASES, HOSTILE_HTML, STORY


@pytest.fixture(autouse=True)
def one_megabyte_limit(monkeypatch):
    monkeypatch.setenv("QUOTE_READER_MAX_MB", "1")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_bad_file_opens_or_gets_one_sentence(tmp_path, capsys, case):
    path = case.build(tmp_path)
    code = main(["extract", str(path)])
    out, err = capsys.readouterr()
    if case.opens:
        assert code == 0, err
        assert case.expect in out and not err
    else:
        assert code == 1
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("quote-reader: ") and case.expect in lines[0], err
        assert "Traceback" not in err and not out


def test_a_file_too_large_is_refused_in_one_sentence(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    path.write_text(STORY + " more words" * 100_000, encoding="utf-8")
    assert main(["extract", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "more than the 1 MB limit" in err and "--max-mb" in err
    small = tmp_path / "small.txt"
    small.write_text(STORY, encoding="utf-8")
    assert main(["extract", str(small), "--max-mb", "0.00001"]) == 1  # the limit is the user's to set
    assert "limit" in capsys.readouterr().err
    os.environ["QUOTE_READER_MAX_MB"] = "5"
    assert load_article(path).text.startswith("“The pier")


def test_unreadable_and_vanishing_files(tmp_path, monkeypatch):
    """Root reads any file, so a refusal is simulated where the file is opened."""
    locked, gone = tmp_path / "locked.txt", tmp_path / "gone.txt"
    for p in (locked, gone):
        p.write_text(STORY, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        if self.name == "gone.txt":
            self.unlink()  # deleted between the listing and the read
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(DocumentError, match="cannot read locked.txt: Permission denied"):
        load_article(locked)
    with pytest.raises(DocumentError, match="gone.txt went away while it was being read"):
        load_article(gone)


@pytest.mark.slow  # a process of its own
def test_the_whole_suite_in_one_run_prints_one_line_per_bad_file(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    paths = [case.build(folder) for case in CASES]
    env = {**os.environ, "QUOTE_READER_MAX_MB": "1", "QUOTE_READER_LOG": str(tmp_path / "log")}
    res = subprocess.run([sys.executable, "-m", "reader", "extract", *map(str, paths)], capture_output=True,
                         text=True, timeout=600, env=env)
    assert res.returncode == 1
    bad = [c for c in CASES if not c.opens]
    lines = res.stderr.strip().splitlines()
    assert len(lines) == len(bad), res.stderr  # nothing else: no warnings, no tracebacks
    for case in bad:
        assert sum(case.expect in line for line in lines) >= 1, (case.name, res.stderr)
    assert len(res.stdout.strip().splitlines()) == len(CASES) - len(bad)


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<html><body>fetched</body></html>")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def watcher(serve):
    """A server on loopback that records every request made to it (host:port)."""
    _Recorder.requests = []
    return serve(_Recorder).removeprefix("http://")


def test_the_watcher_sees_a_request_when_one_is_made(watcher):
    import urllib.request

    urllib.request.urlopen(f"http://{watcher}/probe", timeout=5).read()
    assert _Recorder.requests == ["/probe"]


def test_hostile_html_runs_nothing_and_fetches_nothing(tmp_path, capsys, watcher):
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_HTML.format(host=watcher, story=STORY), encoding="utf-8")
    assert main(["extract", str(page)]) == 0
    out = capsys.readouterr().out
    assert "Ines Vidal" in out and "document.location" not in out and "fetched" not in out
    assert _Recorder.requests == []
