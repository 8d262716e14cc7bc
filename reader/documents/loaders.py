"""One loader per format, registered by extension."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.documents import markup
from reader.documents.normalise import normalise_text, paragraphs_to_text, split_headline
from reader.model import Article, UserError

MAX_BYTES = 200 * 1024 * 1024


class DocumentError(UserError):
    """A file that cannot be read as an article; the message is meant for the user."""


@dataclass
class Loaded:
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None


Loader = Callable[[Path], Loaded]
_LOADERS: dict[str, Loader] = {}


def register(*extensions: str) -> Callable[[Loader], Loader]:
    def wrap(fn: Loader) -> Loader:
        for ext in extensions:
            _LOADERS[ext] = fn
        return fn

    return wrap


def decode_bytes(data: bytes) -> str:
    """Decode bytes whose encoding is unknown: BOMs and UTF-8 first, then detection."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DocumentError(f"{path.name} is too large to open ({size // (1024 * 1024)} MB)")
    return path.read_bytes()


@register(".txt", ".text", "")
def load_txt(path: Path) -> Loaded:
    data = _read_bytes(path)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"{path.name} is not a text file")
    title, body = split_headline(normalise_text(decode_bytes(data)))
    return Loaded(body, title=title)


@register(".html", ".htm", ".xhtml")
def load_html(path: Path) -> Loaded:
    data = markup.extract_html(decode_bytes(_read_bytes(path)))
    return Loaded(text=data["text"] or "", title=data["title"], outlet=data["outlet"], author=data["author"],
                  published=data["published"])


@register(".md", ".markdown")
def load_markdown(path: Path) -> Loaded:
    source = normalise_text(decode_bytes(_read_bytes(path)))
    title = None
    match = re.match(r"\s*#\s+(.+)\n", source)
    if match:
        title = match.group(1).strip()
        source = source[match.end():]
    return Loaded(markup.markdown_to_text(source), title=title)


@register(".docx")
def load_docx(path: Path) -> Loaded:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a broken zip
        raise DocumentError(f"{path.name} is not a readable Word document") from exc
    title = document.core_properties.title or None
    paras: list[str] = []
    for para in document.paragraphs:
        style = (para.style.name if para.style is not None else "") or ""
        if style.lower() == "title" or (style.lower().startswith("heading") and not paras and not title):
            title = title or para.text.strip()
            continue
        paras.append(para.text)
    published = document.core_properties.created
    return Loaded(
        paragraphs_to_text(paras),
        title=title,
        author=document.core_properties.author or None,
        published=published.date().isoformat() if published else None,
    )


@register(".epub")
def load_epub(path: Path) -> Loaded:
    import ebooklib
    from ebooklib import epub

    try:
        book = epub.read_epub(str(path), options={"ignore_ncx": True})
    except Exception as exc:
        raise DocumentError(f"{path.name} is not a readable EPUB book") from exc

    def meta(name: str) -> str | None:
        values = book.get_metadata("DC", name)
        return str(values[0][0]) if values else None

    chapters = []
    for item_id, _linear in book.spine:
        item = book.get_item_with_id(item_id)
        if item is not None and item.get_type() == ebooklib.ITEM_DOCUMENT:
            chapters.append(markup.html_fragment_to_text(item.get_content().decode("utf-8", "replace")))
    return Loaded(
        paragraphs_to_text(chapters),
        title=meta("title"),
        author=meta("creator"),
        outlet=meta("publisher"),
        published=meta("date"),
    )


@register(".pdf")
def load_pdf(path: Path) -> Loaded:
    from pypdf import PdfReader

    try:
        pdf = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in pdf.pages]
        info = pdf.metadata
    except Exception as exc:
        raise DocumentError(f"{path.name} is not a readable PDF") from exc
    text = normalise_text("\n\n".join(pages))
    if not text.strip():
        raise DocumentError(f"{path.name} has no text layer (a scanned PDF?)")
    # PDF text layers break lines inside paragraphs: join lines that do not end a sentence.
    text = re.sub(r"(?<![.!?:\u201d\"])\n(?!\n)", " ", text)
    title = (info.title if info else None) or None
    author = (info.author if info else None) or None
    return Loaded(text, title=str(title) if title else None, author=str(author) if author else None)


SUPPORTED_EXTENSIONS = tuple(sorted(ext for ext in _LOADERS if ext))


def load_article(path: str | Path) -> Article:
    """Read ``path`` with the loader for its extension; raise DocumentError with a clear message."""
    p = Path(path)
    if not p.exists():
        raise DocumentError(f"{p} does not exist")
    if p.is_dir():
        raise DocumentError(f"{p} is a folder, not an article")
    loader = _LOADERS.get(p.suffix.lower())
    if loader is None:
        raise DocumentError(f"{p.name}: unsupported file type (supported: {', '.join(SUPPORTED_EXTENSIONS)})")
    try:
        loaded = loader(p)
    except DocumentError:
        raise
    except OSError as exc:
        raise DocumentError(f"cannot read {p.name}: {exc.strerror or exc}") from exc
    except Exception as exc:
        raise DocumentError(f"cannot read {p.name}: {exc}") from exc
    if not loaded.text.strip():
        raise DocumentError(f"{p.name} contains no article text")
    return Article(
        text=loaded.text,
        title=loaded.title,
        outlet=loaded.outlet,
        author=loaded.author,
        published=loaded.published,
        path=str(p),
    )
