"""Export quotes with their citation to CSV, JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from reader.library.citation import STYLES, authors_of, citation
from reader.model import SearchHit

__all__ = ["FORMATS", "STYLES", "citation", "export_hits"]

FORMATS = ("csv", "json", "md")
FIELDS = ("text", "kind", "speaker", "role", "article_title", "outlet", "author", "published", "url", "file",
          "start", "end", "citation")


def _record(hit: SearchHit, style: str) -> dict[str, object]:
    place = hit.path or ""
    web = place.startswith(("http://", "https://"))
    parts: dict[str, object] = {"author": "; ".join(authors_of(hit)) or None,
                                "url": hit.url or (place if web else None),
                                "file": None if web or not place else place, "citation": citation(hit, style)}
    return {f: parts[f] if f in parts else getattr(hit, f) for f in FIELDS}


def export_hits(hits: Sequence[SearchHit], fmt: str, style: str = "plain") -> str:
    """Quotes with one column (or field) for each part of their citation, and the whole citation in
    ``style`` (plain, apa, chicago)."""
    if fmt == "json":
        return json.dumps([_record(h, style) for h in hits], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(FIELDS))
        writer.writeheader()
        for h in hits:
            writer.writerow(_record(h, style))
        return buf.getvalue()
    if fmt == "md":
        lines = []
        for h in hits:
            quoted = h.text.replace("\n", " ").strip()
            lines.append(f"> {quoted}\n>\n> {citation(h, style)}\n")
        return "\n".join(lines)
    raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
