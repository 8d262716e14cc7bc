""".mhtml pages, .odt and .rtf documents open like the other formats; damaged ones get one sentence."""

from __future__ import annotations

import zipfile

from reader.cli import main
from reader.documents import load_article

STORY = "“The pier will reopen by summer,” harbor master Inés Vidal said on Monday."

MHTML = ("From: <Saved by Blink>\r\nSubject: Pier to reopen\r\nMIME-Version: 1.0\r\n"
         'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--abc"\r\n\r\n'
         "------MultipartBoundary--abc\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
         "Content-Location: https://news.example/pier\r\n\r\n"
         "<html><head><title>Pier to reopen</title><meta name=3D\"author\" content=3D\"Ken Ito\"></head><body>"
         "<nav>Home</nav><article><h1>Pier to reopen</h1><p>=E2=80=9CThe pier will reopen by summer,=E2=80=9D "
         "harbor master In=C3=A9s Vidal said on Monday.</p><p>The works start in March and should last six weeks,"
         " the port said.</p></article></body></html>\r\n"
         "------MultipartBoundary--abc\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
         "iVBORw0KGgo=\r\n------MultipartBoundary--abc--\r\n")


def odt(path, body: str = STORY) -> None:
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
               '<text:h text:outline-level="1">Pier to reopen</text:h>'
               f'<text:p>{body}</text:p><text:p>The works start<text:s text:c="2"/>in March.</text:p>'
               "</office:text></office:body></office:document-content>")
    meta = ('<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>Pier to reopen</dc:title>'
            "<meta:initial-creator>Ken Ito</meta:initial-creator>"
            "<meta:creation-date>2025-03-01T10:00:00</meta:creation-date></office:meta></office:document-meta>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        z.writestr("meta.xml", meta)


RTF = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}{\colortbl;\red0\green0\blue0;}"
       r"{\info{\title Pier to reopen}{\author Ken Ito}}"
       r"\f0\fs24 Pier to reopen\par\par \ldblquote The pier will reopen by summer,\rdblquote  harbor master "
       r"In\'e9s Vidal said on Monday.\par The works start in March \u8212? in six weeks.\par}")


def test_a_saved_single_file_page(tmp_path):
    path = tmp_path / "pier.mhtml"
    path.write_bytes(MHTML.encode("ascii"))
    article = load_article(path)
    assert article.title == "Pier to reopen" and article.author == "Ken Ito"
    assert STORY in article.text and "Home" not in article.text
    assert article.url == "https://news.example/pier"  # where the browser saved it from


def test_an_opendocument_text(tmp_path):
    path = tmp_path / "pier.odt"
    odt(path)
    article = load_article(path)
    assert (article.title, article.author, article.published) == ("Pier to reopen", "Ken Ito", "2025-03-01")
    assert STORY in article.text and "The works start in March." in article.text


def test_a_rich_text_document(tmp_path):
    path = tmp_path / "pier.rtf"
    path.write_bytes(RTF.encode("latin-1"))
    article = load_article(path)
    assert (article.title, article.author) == ("Pier to reopen", "Ken Ito")
    assert STORY in article.text and "March \u2014 in six weeks" in article.text
    assert "Times New Roman" not in article.text


def test_the_new_formats_through_extract(tmp_path, capsys):
    (tmp_path / "a.mhtml").write_bytes(MHTML.encode("ascii"))
    odt(tmp_path / "b.odt")
    (tmp_path / "c.rtf").write_bytes(RTF.encode("latin-1"))
    assert main(["extract", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count('"speaker": "Inés Vidal"') == 3
