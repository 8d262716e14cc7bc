"""One loader per format, registered by extension."""

from __future__ import annotations

import logging
import os
import re
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.documents import markup
from reader.documents.normalise import find_byline, normalise_text, paragraphs_to_text, split_headline
from reader.model import Article, UserError

log = logging.getLogger(__name__)

DEFAULT_MAX_MB = 20.0  # an article larger than this is refused with one sentence (--max-mb changes it)
UNPACK_FACTOR = 20  # a DOCX or EPUB may unpack to this many times the limit (images and styles included)
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"MZ", b"\x1f\x8b",
                 b"BZh", b"\xfd7zXZ", b"Rar!", b"7z\xbc\xaf", b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00")


def max_mb() -> float:
    """The size limit for one article, in MB: $QUOTE_READER_MAX_MB (set by --max-mb), else 20."""
    try:
        value = float(os.environ.get("QUOTE_READER_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        return DEFAULT_MAX_MB
    return value if value > 0 else DEFAULT_MAX_MB


def too_large(name: str, size: int) -> DocumentError:
    return DocumentError(f"{name} is {size / 1e6:.0f} MB, more than the {max_mb():g} MB limit for one article "
                         f"(--max-mb raises it)")


@contextmanager
def _quietly() -> Iterator[None]:
    """Third-party readers warn about the files they are given; the user hears about it from us."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


class DocumentError(UserError):
    """A file that cannot be read as an article; the message is meant for the user."""


@dataclass
class Loaded:
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None


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
    high = sum(1 for b in data[:65536] if b >= 0x80)
    if high < 0.1 * min(len(data), 65536):
        # mostly ASCII with a few accented letters or curly quotes: Windows-1252 (a superset of Latin-1) is
        # by far the likeliest for a Western news text, and a detector guessing from a handful of bytes
        # often picks a Central European code page instead ("Inès" read as "Inčs")
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > max_mb() * 1e6:
        raise too_large(path.name, size)
    return path.read_bytes()


def _looks_binary(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False  # a text encoding's byte-order mark
    if data.startswith(_BINARY_MAGIC):
        return True
    head = data[:8192]
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.1  # a few stray NULs are damage; this many are another kind of file


@register(".txt", ".text", "")
def load_txt(path: Path) -> Loaded:
    data = _read_bytes(path)
    if _looks_binary(data):
        raise DocumentError(f"{path.name} is not a text file (it holds binary data)")
    text = decode_bytes(data).replace("\x00", "")  # stray NULs from a bad copy: the text around them opens
    title, body = split_headline(normalise_text(text))
    return Loaded(body, title=title, author=find_byline(body))


def _check_archive(path: Path, what: str) -> None:
    """A DOCX or EPUB is a zip: refuse a damaged one, and one that would unpack to far more than an
    article (a zip bomb), before any reader unpacks it."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            bad = archive.testzip() if unpacked < 50e6 else None
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise DocumentError(f"{path.name} is not a readable {what} (the file is damaged or cut short)") from exc
    if unpacked > max_mb() * 1e6 * UNPACK_FACTOR:
        raise DocumentError(f"{path.name} would unpack to {unpacked / 1e6:.0f} MB: refused, as no article is that "
                            f"large (a zip bomb?)")
    if bad is not None:
        raise DocumentError(f"{path.name} is not a readable {what} (damaged part: {bad})")


@register(".html", ".htm", ".xhtml")
def load_html(path: Path) -> Loaded:
    data = markup.extract_html(decode_bytes(_read_bytes(path)))
    return Loaded(text=data["text"] or "", title=data["title"], outlet=data["outlet"], author=data["author"],
                  published=data["published"], url=data["url"])


@register(".md", ".markdown")
def load_markdown(path: Path) -> Loaded:
    source = normalise_text(decode_bytes(_read_bytes(path)))
    title = None
    match = re.match(r"\s*#\s+(.+)\n", source)
    if match:
        title = match.group(1).strip()
        source = source[match.end():]
    body = markup.markdown_to_text(source)
    return Loaded(body, title=title, author=find_byline(body))


@register(".docx")
def load_docx(path: Path) -> Loaded:
    import docx

    _check_archive(path, "Word document")
    try:
        with _quietly():
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

    _check_archive(path, "EPUB book")
    try:
        with _quietly():
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
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        with _quietly():
            pdf = PdfReader(str(path))
            if pdf.is_encrypted and not pdf.decrypt(""):
                raise FileNotDecryptedError("password")
            pages = [page.extract_text() or "" for page in pdf.pages]
            info = pdf.metadata
    except FileNotDecryptedError as exc:
        raise DocumentError(f"{path.name} is protected by a password: open it in a PDF reader and save an "
                            f"unprotected copy") from exc
    except (PdfReadError, OSError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, NotImplementedError) as exc:
        if isinstance(exc, NotImplementedError) and "crypt" in str(exc).lower():
            raise DocumentError(f"{path.name} is encrypted in a way that cannot be read here") from exc
        raise DocumentError(f"{path.name} is not a readable PDF (the file is damaged or cut short)") from exc
    text = normalise_text("\n\n".join(pages))
    if not text.strip():
        raise DocumentError(f"{path.name} has no text layer: is it a scan?")
    # PDF text layers break lines inside paragraphs: join lines that do not end a sentence.
    text = re.sub(r"(?<![.!?:\u201d\"])\n(?!\n)", " ", text)
    title = (info.title if info else None) or None
    author = (info.author if info else None) or None
    return Loaded(text, title=str(title) if title else None, author=str(author) if author else None)


def supported_extensions() -> tuple[str, ...]:
    """The extensions a loader is registered for (reader.documents registers them all on import)."""
    return tuple(sorted(ext for ext in _LOADERS if ext))


def load_file(path: str | Path) -> Article:
    """Read a file with the loader for its extension; raise DocumentError with a clear message."""
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise DocumentError(f"{p} does not exist")
    if p.is_dir():
        if any(f.suffix.lower() in supported_extensions() for f in p.rglob("*")):
            raise DocumentError(f"{p} is a folder, not an article (import it to read all its articles)")
        raise DocumentError(f"{p} is a folder with no articles in it")
    if p.exists() and not p.is_file():
        raise DocumentError(f"{p} is not a regular file (a device or a pipe?)")
    loader = _LOADERS.get(p.suffix.lower())
    if loader is None:
        raise DocumentError(f"{p.name}: unsupported file type (supported: {', '.join(supported_extensions())})")
    try:
        loaded = loader(p)
    except DocumentError:
        raise
    except FileNotFoundError as exc:
        raise DocumentError(f"{p.name} went away while it was being read") from exc
    except OSError as exc:
        raise DocumentError(f"cannot read {p.name}: {exc.strerror or exc}") from exc
    except RecursionError as exc:
        raise DocumentError(f"cannot read {p.name}: it is nested too deeply to be an article") from exc
    except Exception as exc:  # a reader library's own failure on a damaged file: one sentence, logged in full
        log.warning("reading %s failed", p, exc_info=True)
        raise DocumentError(f"cannot read {p.name}: the file is damaged or not really a {p.suffix or 'text'} "
                            f"file") from exc
    if not loaded.text.strip():
        raise DocumentError(f"{p.name} contains no article text")
    if len(loaded.text) > max_mb() * 1e6:
        raise too_large(p.name, len(loaded.text))
    return Article(
        text=loaded.text,
        title=loaded.title,
        outlet=loaded.outlet,
        author=loaded.author,
        published=loaded.published,
        path=str(p),
        url=loaded.url,
    )


def article_from_text(text: str, name: str = "clipboard") -> Article:
    """Text pasted or handed over as a string: normalised like a .txt file, its headline taken off."""
    text = text.replace("\x00", "")
    if len(text) > max_mb() * 1e6:
        raise too_large(name, len(text))
    title, body = split_headline(normalise_text(text))
    if not body.strip():
        raise DocumentError(f"the {name} holds no article text")
    return Article(text=body, title=title, author=find_byline(body))
