"""Article bodies are stored zlib-compressed; SQL reads them through the qr_inflate() function.

News text shrinks to about a third, which is most of a large library's size. Quote text and the
full-text index's content are slices of the inflated body (see the quote_text view).
"""

from __future__ import annotations

import zlib
from typing import Any


def pack(text: str, level: int = 6) -> bytes:
    return zlib.compress(text.encode("utf-8"), level)


def unpack(data: bytes | None) -> str:
    return zlib.decompress(data).decode("utf-8") if data else ""


def unpack_prefix(data: bytes, chars: int) -> str:
    """At least the first `chars` characters of a packed text, inflating no further than needed."""
    d = zlib.decompressobj()
    out = d.decompress(data, chars + 64)
    while True:
        # a multi-byte character cut at the end is dropped, and fetched with the next piece
        text = out.decode("utf-8", "ignore")
        if len(text) >= chars or d.eof or not d.unconsumed_tail:
            return text
        out += d.decompress(d.unconsumed_tail, max(4096, chars - len(text)))


def _inflate(data: bytes | None) -> str | None:
    if data is None:
        return None
    try:
        return unpack(data)
    except zlib.error:
        return None


def register(dbapi_conn: Any) -> None:
    dbapi_conn.create_function("qr_inflate", 1, _inflate, deterministic=True)
    dbapi_conn.create_function("qr_deflate", 1, lambda t: pack(t) if t is not None else None, deterministic=True)
