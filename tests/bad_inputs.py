"""The bad-input suite: every kind of file a reader may be handed that is not a clean article.

Each case is (file name, how to make it, what should happen): "opens" (and the text it must contain),
or the words the one-line message must contain.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.ui.test_formats import make

STORY = "“The pier will reopen by summer,” harbor master Ines Vidal said on Monday."


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]
    opens: bool
    expect: str  # text the article must hold, or words the message must hold


def _write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path
    return build


def _bomb(ext: str) -> Callable[[Path], Path]:
    """A valid-looking archive with one member that unpacks to 60 MB of zeros (3 times the 1 MB limit
    the suite runs with, times the unpacking allowance of 20)."""
    def build(folder: Path) -> Path:
        good = make(folder, ext)
        path = folder / f"bomb{ext}"
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                dst.writestr(info, src.read(info.filename))
            with dst.open("word/media/zeros.bin" if ext == ".docx" else "OEBPS/zeros.bin", "w") as big:
                chunk = bytes(1 << 20)
                for _ in range(60):
                    big.write(chunk)
        return path
    return build


def _truncated(ext: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        data = make(folder, ext).read_bytes()
        path = folder / f"truncated{ext}"
        path.write_bytes(data[: len(data) // 2])
        return path
    return build


def _pdf(encrypt: bool) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        from pypdf import PdfReader, PdfWriter

        if encrypt:
            writer = PdfWriter(clone_from=PdfReader(make(folder, ".pdf")))
            writer.encrypt("secret", algorithm="RC4-128")
        else:
            writer = PdfWriter()
            writer.add_blank_page(612, 792)  # an image-only scan has no text layer either
        path = folder / ("encrypted.pdf" if encrypt else "scan.pdf")
        buf = io.BytesIO()
        writer.write(buf)
        path.write_bytes(buf.getvalue())
        return path
    return build


def _folder(folder: Path) -> Path:
    path = folder / "a-folder.txt"
    path.mkdir()
    return path


HOSTILE_HTML = """<!doctype html><html><head><title>Pier to reopen</title>
<meta http-equiv="refresh" content="0; url=http://{host}/refresh">
<script src="http://{host}/script.js"></script><script>document.location='http://{host}/js'</script>
<link rel="stylesheet" href="http://{host}/style.css"></head><body>
<iframe src="http://{host}/frame"></iframe><form action="http://{host}/form"><input name="q"></form>
<article><h1>Pier to reopen</h1><img src="http://{host}/photo.jpg"><p>{story}</p>
<p>The works start in March and should last six weeks, the port said.</p>
<video src="http://{host}/v.mp4"></video><object data="http://{host}/o.swf"></object></article></body></html>"""

_rnd = random.Random(3)

CASES = [
    Case("empty.txt", _write("empty.txt", b""), False, "no article text"),
    Case("blank.txt", _write("blank.txt", " \n\n\t \n"), False, "no article text"),
    Case("binary.txt", _write("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(_rnd.randrange(256) for _ in range(4000))),
         False, "not a text file"),
    Case("utf16.txt", _write("utf16.txt", STORY.encode("utf-16")), True, "harbor master Ines Vidal"),
    Case("cp1252.txt", _write("cp1252.txt", STORY.replace("Ines", "Inés").encode("cp1252")), True, "Inés Vidal"),
    Case("latin1.txt", _write("latin1.txt", "Le café a rouvert, dit Inès Vidal. Ça va.".encode("latin-1")),
         True, "Inès Vidal"),
    Case("invalid-utf8.txt", _write("invalid-utf8.txt", STORY.encode("utf-8") + b" \xff\xfe\xc3 more text."),
         True, "Ines Vidal"),
    Case("nul.txt", _write("nul.txt", STORY.encode("utf-8").replace(b"pier", b"pi\x00er", 1)), True, "The pier"),
    Case("paragraph.txt", _write("paragraph.txt", (STORY + " ") * 800), True, "Ines Vidal"),
    Case("marks.txt", _write("marks.txt", STORY + "\n" + "“ word " * 1000), True, "Ines Vidal"),
    Case("hostile.html", _write("hostile.html", HOSTILE_HTML.format(host="127.0.0.1:9", story=STORY)), True,
         "Ines Vidal"),
    Case("malformed.html", _write("malformed.html", f"<html><body><p>{STORY}<div><p><b>unclosed <i>tags"
                                                    f"<table><tr><td>cell</p></span></html></body>"), True,
         "Ines Vidal"),
    Case("bomb.docx", _bomb(".docx"), False, "zip bomb"),
    Case("bomb.epub", _bomb(".epub"), False, "zip bomb"),
    Case("truncated.docx", _truncated(".docx"), False, "damaged or cut short"),
    Case("truncated.epub", _truncated(".epub"), False, "damaged or cut short"),
    Case("truncated.pdf", _truncated(".pdf"), False, "damaged or cut short"),
    Case("encrypted.pdf", _pdf(encrypt=True), False, "password"),
    Case("scan.pdf", _pdf(encrypt=False), False, "has no text layer: is it a scan?"),
    Case("a-folder.txt", _folder, False, "is a folder with no articles"),
    Case("notes.xyz", _write("notes.xyz", STORY), False, "unsupported file type"),
    Case("missing.txt", lambda folder: folder / "missing.txt", False, "does not exist"),
]
