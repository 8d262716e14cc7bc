"""Export quotes with their citation to CSV, JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from reader.model import SearchHit

FORMATS = ("csv", "json", "md")
FIELDS = ("text", "kind", "speaker", "role", "article_title", "outlet", "published", "path", "start", "end")


def _record(hit: SearchHit) -> dict[str, object]:
    return {f: getattr(hit, f) for f in FIELDS}


def citation(hit: SearchHit) -> str:
    """'— Name, role, "Title", Outlet, date'"""
    parts = [hit.speaker or "Unknown speaker"]
    if hit.role:
        parts.append(hit.role)
    if hit.article_title:
        parts.append(f"\u201c{hit.article_title}\u201d")
    if hit.outlet:
        parts.append(hit.outlet)
    if hit.published:
        parts.append(hit.published)
    return "\u2014 " + ", ".join(parts)


def export_hits(hits: Sequence[SearchHit], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([_record(h) for h in hits], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(FIELDS))
        writer.writeheader()
        for h in hits:
            writer.writerow(_record(h))
        return buf.getvalue()
    if fmt == "md":
        lines = []
        for h in hits:
            quoted = h.text.replace("\n", " ").strip()
            lines.append(f"> {quoted}\n>\n> {citation(h)}\n")
        return "\n".join(lines)
    raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
