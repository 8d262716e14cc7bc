"""Every format loads into an Article with body text and metadata; bad files give one clear message."""

from __future__ import annotations

import pytest

from reader.documents import DocumentError, load_article

BODY = "“We will rebuild the pier by summer,” harbor master Ines Vidal said on Friday."


def test_txt_utf8_with_headline(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(f"Pier to reopen\n\n{BODY}\n", encoding="utf-8")
    art = load_article(p)
    assert art.title == "Pier to reopen"
    assert art.text == BODY
    assert len(art.sha256) == 64


def test_txt_legacy_encoding(tmp_path):
    p = tmp_path / "a.txt"
    text = "Le maire a déclaré que la fête aura lieu à l’été, malgré la pluie et les critiques répétées."
    p.write_bytes(text.encode("cp1252"))
    assert "déclaré" in load_article(p).text


def test_txt_utf16_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(BODY.encode("utf-16"))
    assert load_article(p).text == BODY


def test_html_main_text_and_metadata(fixtures):
    art = load_article(fixtures / "article.html")
    assert art.title == "Port strike ends after talks"
    assert art.author == "Jane Doe"
    assert art.outlet == "The Coastal Herald"
    assert art.published and art.published.startswith("2025-04-02")
    assert "Nobody wins a strike" in art.text
    for junk in ("tracking", "Subscribe", "Cookie", "color: red"):
        assert junk not in art.text
    assert not art.text.startswith("Port strike ends after talks")


def test_markdown(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(f"# Pier to reopen\n\n{BODY}\n\n*Second* paragraph with **bold** text.\n", encoding="utf-8")
    art = load_article(p)
    assert art.title == "Pier to reopen"
    assert BODY in art.text and "Second paragraph with bold text." in art.text
    assert "*" not in art.text


def test_docx(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.core_properties.author = "Ken Ito"
    d.add_heading("Pier to reopen", level=0)
    d.add_paragraph(BODY)
    d.add_paragraph("A second paragraph follows here.")
    p = tmp_path / "a.docx"
    d.save(p)
    art = load_article(p)
    assert art.title == "Pier to reopen"
    assert art.author == "Ken Ito"
    assert BODY in art.text and "second paragraph" in art.text


def test_epub(tmp_path):
    epub = pytest.importorskip("ebooklib.epub")
    book = epub.EpubBook()
    book.set_identifier("id1")
    book.set_title("Harbor Stories")
    book.add_author("Ana Reyes")
    chapters = []
    for n, body in enumerate([BODY, "The second chapter is quieter."], 1):
        ch = epub.EpubHtml(title=f"Ch {n}", file_name=f"ch{n}.xhtml", lang="en")
        ch.content = f"<html><body><h1>Chapter {n}</h1><p>{body}</p></body></html>"
        book.add_item(ch)
        chapters.append(ch)
    book.spine = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    p = tmp_path / "a.epub"
    epub.write_epub(str(p), book)
    art = load_article(p)
    assert art.title == "Harbor Stories" and art.author == "Ana Reyes"
    assert BODY in art.text and "second chapter" in art.text


def _minimal_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_pdf_text_layer(tmp_path):
    p = tmp_path / "a.pdf"
    p.write_bytes(_minimal_pdf("The harbor master said the pier will reopen by summer."))
    assert "pier will reopen" in load_article(p).text


@pytest.mark.parametrize("name,data,message", [
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
    ("broken.docx", b"PK\x03\x04 broken zip", "not a readable Word document"),
    ("broken.epub", b"not a zip at all", "not a readable EPUB"),
    ("empty.txt", b"   \n\n  ", "contains no article text"),
    ("binary.txt", b"\x00\x01\x02\x03" * 100, "not a text file"),
    ("image.png", b"\x89PNG\r\n", "unsupported file type"),
    ("broken.odt", b"PK\x03\x04 cut short", "damaged or cut short"),
    ("page.mhtml", b"From: nobody\r\n\r\njust text", "holds no web page"),
    ("text.rtf", b"not rich text at all", "is not a Rich Text document"),
])
def test_bad_files_give_one_clear_message(tmp_path, name, data, message):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(DocumentError, match=message):
        load_article(p)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DocumentError, match="does not exist"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(DocumentError, match="is a folder"):
        load_article(tmp_path)


@pytest.mark.parametrize("title, outlet, author, expected", [
    ("Ferry fares rise in spring | Harbor City Ledger", "Harbor City Ledger", None, "Ferry fares rise in spring"),
    ("Ferry fares rise in spring - The Daily Ledger", None, None, "Ferry fares rise in spring"),
    ("Ferry fares rise in spring | Jane Roe", None, "Jane Roe", "Ferry fares rise in spring"),
    ("Ferry fares rise in spring — ledger.example", None, None, "Ferry fares rise in spring"),
    ("Ferry fares rise | Local News | Harbor Ledger", None, None, "Ferry fares rise"),
    # headlines that only look suffixed keep every word
    ("Pence: Flowers Won't Be at Debate", None, None, "Pence: Flowers Won't Be at Debate"),
    ("Mayor and council clash - again", None, None, "Mayor and council clash - again"),
])
def test_titles_lose_what_the_site_adds(title, outlet, author, expected):
    from reader.documents.markup import clean_title

    assert clean_title(title, outlet, author) == expected


def test_a_saved_page_names_each_author_once_and_its_title_plainly(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Pier to reopen | Harbor City Ledger</title>"
                    "<meta property='og:site_name' content='Harbor City Ledger'>"
                    "<meta name='author' content='Jane Roe; JANE ROE'></head><body><article><h1>Pier to reopen</h1>"
                    f"<p>{BODY}</p><p>The works start in March and should last six weeks, the port said.</p>"
                    "</article></body></html>", encoding="utf-8")
    article = load_article(page)
    assert article.title == "Pier to reopen" and article.author == "Jane Roe"


@pytest.mark.parametrize("first", ["By Jane Roe", "BY JANE ROE, Staff Writer", "Updated 5:55 p.m. ET"])
def test_a_byline_or_time_stamp_is_no_headline(tmp_path, first):
    p = tmp_path / "a.txt"
    p.write_text(f"{first}\n{BODY}\n", encoding="utf-8")
    assert load_article(p).title is None


@pytest.mark.parametrize("byline, author", [
    ("By Jane Roe, City Reporter", "Jane Roe"),
    ("BY JANE ROE AND TOM HARDY | The Gazette", "Jane Roe; Tom Hardy"),
    ("By Ann Lee, Tom Roe and Ray Ortiz, Staff Writers", "Ann Lee; Tom Roe; Ray Ortiz"),
    ("By Monday Morning, the water had gone down.", None),
    ("By the editorial board", None),
])
def test_a_plain_text_byline_names_the_authors(tmp_path, byline, author):
    p = tmp_path / "a.txt"
    p.write_text(f"Pier to reopen\n\n{byline}\n\n{BODY}\n", encoding="utf-8")
    article = load_article(p)
    assert (article.title, article.author) == ("Pier to reopen", author)


def test_a_saved_page_keeps_its_canonical_address_and_citations_use_it(tmp_path, library):
    from reader.library.citation import citation

    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Pier to reopen | Harbor City Ledger</title>"
                    "<link rel='canonical' href='https://ledger.example/2025/pier?a=1&amp;b=2'>"
                    "<meta property='og:url' content='https://ledger.example/other'></head><body><article>"
                    f"<h1>Pier to reopen</h1><p>{BODY}</p><p>The works start in March, the port said.</p>"
                    "</article></body></html>", encoding="utf-8")
    article = load_article(page)
    assert article.url == "https://ledger.example/2025/pier?a=1&b=2" and article.path == str(page)
    from reader.model import Analysis, Quote, Speaker

    q = Quote(0, 10, article.text[:10], "direct", speaker="Ines Vidal")
    article_id = library.add(article, Analysis(quotes=(q,), speakers=(Speaker("Ines Vidal"),)))
    assert library.article(article_id).url == article.url
    hit = library.quotes_of_article(article_id)[0]
    assert citation(hit, "chicago").endswith("https://ledger.example/2025/pier?a=1&b=2.")
