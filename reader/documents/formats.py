"""More ways in: web pages saved as one file (.mhtml), OpenDocument text (.odt) and Rich Text (.rtf)."""

from __future__ import annotations

import email
import email.policy
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from reader.documents import markup
from reader.documents.loaders import (
    DocumentError,
    Loaded,
    _check_archive,
    _read_bytes,
    decode_bytes,
    register,
)
from reader.documents.normalise import normalise_text, paragraphs_to_text, split_headline


@register(".mhtml", ".mht")
def load_mhtml(path: Path) -> Loaded:
    """A page saved by a browser as 'Web page, single file': the HTML part, read like a saved page."""
    message = email.message_from_bytes(_read_bytes(path), policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset()
                try:
                    html = payload.decode(charset) if charset else decode_bytes(payload)
                except (LookupError, UnicodeDecodeError):
                    html = decode_bytes(payload)
                data = markup.extract_html(html)
                location = part.get("Content-Location") or message.get("Snapshot-Content-Location")
                where = data["url"] or (location if location and location.startswith(("http://", "https://"))
                                        else None)
                return Loaded(text=data["text"] or "", title=data["title"], outlet=data["outlet"],
                              author=data["author"], published=data["published"], url=where)
    raise DocumentError(f"{path.name} holds no web page (is it really a saved .mhtml page?)")


_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODF_DC = "{http://purl.org/dc/elements/1.1/}"
_ODF_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"


def _odf_text(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_ODF_TEXT}s":
            parts.append(" " * int(child.get(f"{_ODF_TEXT}c", "1")))
        elif child.tag == f"{_ODF_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_ODF_TEXT}line-break":
            parts.append("\n")
        elif child.tag not in (f"{_ODF_TEXT}note", f"{_ODF_TEXT}bookmark"):
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@register(".odt")
def load_odt(path: Path) -> Loaded:
    _check_archive(path, "OpenDocument text")
    try:
        with zipfile.ZipFile(path) as archive:
            content = ElementTree.fromstring(archive.read("content.xml"))
            meta = ElementTree.fromstring(archive.read("meta.xml")) if "meta.xml" in archive.namelist() else None
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile) as exc:
        raise DocumentError(f"{path.name} is not a readable OpenDocument text (the file is damaged)") from exc
    title = None
    paras: list[str] = []
    for element in content.iter():
        if element.tag == f"{_ODF_TEXT}h" and not paras and title is None:
            title = " ".join(_odf_text(element).split()) or None
        elif element.tag in (f"{_ODF_TEXT}p", f"{_ODF_TEXT}h"):
            paras.append(_odf_text(element))

    def field(tag: str) -> str | None:
        found = meta.find(f".//{tag}") if meta is not None else None
        return (found.text or "").strip() or None if found is not None else None

    published = field(f"{_ODF_META}creation-date") or field(f"{_ODF_DC}date")
    return Loaded(paragraphs_to_text(paras), title=field(f"{_ODF_DC}title") or title,
                  author=field(f"{_ODF_META}initial-creator") or field(f"{_ODF_DC}creator"),
                  published=published[:10] if published else None)


_RTF_TOKEN = re.compile(r"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+",
                        re.S)
_RTF_SKIP = {"fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "footer", "footnote", "listtable",
             "listoverridetable", "rsidtbl", "generator", "themedata", "colorschememapping", "latentstyles",
             "datastore", "xmlnstbl", "mmathPr", "object", "fldinst"}
_RTF_CHARS = {"par": "\n\n", "line": "\n", "tab": "\t", "emdash": "\u2014", "endash": "\u2013",
              "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d",
              "bullet": "\u2022", "~": "\u00a0", "sect": "\n\n", "page": "\n\n", "row": "\n", "cell": " "}


def rtf_to_text(rtf: str) -> tuple[str, dict[str, str]]:
    """The text of an RTF document, and its \\info fields (title, author)."""
    out: list[str] = []
    info: dict[str, str] = {}
    stack: list[tuple[bool, str | None, int]] = []
    skipping, field_name, skip_chars = False, None, 0
    uc = 1
    for m in _RTF_TOKEN.finditer(rtf):
        word, arg, hexchar, symbol, brace, text = m.groups()
        if brace == "{":
            stack.append((skipping, field_name, uc))
            continue
        if brace == "}":
            if stack:
                skipping, field_name, uc = stack.pop()
            continue
        if symbol == "*":
            skipping = True
            continue
        if word is not None:
            if word in ("title", "author"):
                field_name = word
            elif word in _RTF_SKIP:
                skipping = True
            elif word == "uc" and arg is not None:
                uc = int(arg)
            elif word == "u" and arg is not None and not skipping:
                out.append(chr(int(arg) % 65536))
                skip_chars = uc
            elif word in _RTF_CHARS and not skipping:
                out.append(_RTF_CHARS[word])
            continue
        piece = None
        if hexchar is not None:
            if skip_chars:
                skip_chars -= 1
                continue
            piece = bytes([int(hexchar, 16)]).decode("cp1252", errors="replace")
        elif symbol is not None:
            piece = _RTF_CHARS.get(symbol, symbol if symbol in "\\{}" else "")
        elif text is not None:
            if skip_chars:
                drop = min(skip_chars, len(text))
                text, skip_chars = text[drop:], skip_chars - drop
            piece = text
        if piece and field_name is not None:
            info[field_name] = info.get(field_name, "") + piece
        elif piece and not skipping:
            out.append(piece)
    return "".join(out), {k: v.strip() for k, v in info.items() if v.strip()}


@register(".rtf")
def load_rtf(path: Path) -> Loaded:
    data = _read_bytes(path)
    if not data.lstrip().startswith(b"{\\rtf"):
        raise DocumentError(f"{path.name} is not a Rich Text document")
    text, info = rtf_to_text(data.decode("latin-1"))
    title, body = split_headline(normalise_text(text))
    return Loaded(body, title=info.get("title") or title, author=info.get("author"))
