"""Open an article from its address, against a web server on loopback that the tests start."""

from __future__ import annotations

import http.server
import time

import pytest

from reader.cli import main
from reader.documents import DocumentError, load_article, web

PAGE = ("<html><head><title>Ferry fares rise</title><meta name='author' content='Jane Roe'>"
        "<script>fetch('/tracker')</script></head><body><nav>Home | World</nav><article><h1>Ferry fares rise</h1>"
        "<p>“We held fares down for six years,” chief executive Ada Moss said on Monday.</p>"
        "<p>Passengers said the rise was steep, and the council said it would ask for a review.</p>"
        "<img src='/photo.jpg'></article></body></html>").encode()


class Site(http.server.BaseHTTPRequestHandler):
    paths: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        Site.paths.append(self.path)
        if self.path == "/ferry":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/old-ferry":
            self.send_response(301)
            self.send_header("Location", "/ferry")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2)
            self._send(200, "text/html", PAGE)
        elif self.path == "/huge":
            self._send(200, "text/html", b"<p>" + b"word " * 400_000 + b"</p>")
        elif self.path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 ...")
        else:
            self._send(404, "text/html", b"<h1>Not found</h1>")

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site(serve):
    Site.paths = []
    return serve(Site)


def test_a_page_is_fetched_once_and_read_like_a_saved_one(site):
    article = load_article(f"{site}/old-ferry")  # a redirect, followed
    assert article.path == f"{site}/ferry" and article.url == f"{site}/ferry" and article.title == "Ferry fares rise"
    assert "Ada Moss said" in article.text and "Home | World" not in article.text
    assert Site.paths == ["/old-ferry", "/ferry"]  # the page only: no script, no image


@pytest.mark.parametrize("path, words", [
    ("/missing", "answered 404"),
    ("/loop", "redirects more than 5 times"),
    ("/report.pdf", "is not a web page but application/pdf"),
])
def test_what_is_not_an_article_page_is_one_sentence(site, path, words):
    with pytest.raises(DocumentError, match=words):
        load_article(site + path)


def test_a_slow_server_times_out_and_a_huge_page_is_refused(site, monkeypatch):
    monkeypatch.setattr(web, "TIMEOUT", 0.5)
    monkeypatch.setattr(web.fetch_article, "__defaults__", (0.5,))
    with pytest.raises(DocumentError, match="did not answer within 0.5 seconds"):
        load_article(f"{site}/slow")
    monkeypatch.setenv("QUOTE_READER_MAX_MB", "1")
    with pytest.raises(DocumentError, match="larger than the 1 MB limit"):
        load_article(f"{site}/huge")


def test_nothing_listens_is_one_sentence():
    with pytest.raises(DocumentError, match="cannot reach 127.0.0.1"):
        load_article("http://127.0.0.1:9/nothing")


def test_extract_and_import_take_addresses(site, tmp_path, capsys):
    assert main(["extract", f"{site}/ferry"]) == 0
    out = capsys.readouterr().out
    assert '"speaker": "Ada Moss"' in out and f'"id": "{site}/ferry"' in out
    db = str(tmp_path / "lib.sqlite3")
    assert main(["import", f"{site}/ferry", f"{site}/missing", "--db", db, "--jobs", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "answered 404" in err and "1 added, 0 already in the library, 1 failed" in err
    assert main(["export", "--format", "csv", "--db", db]) == 0
    assert f"{site}/ferry" in capsys.readouterr().out  # the article keeps its address
