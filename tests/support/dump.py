"""A library's whole content as plain rows, to compare two libraries (the time of adding left out)."""

from __future__ import annotations

from sqlalchemy import text

from reader.library import Library


def dump(library: Library, ids: bool = True) -> list[tuple]:
    rows: list[tuple] = []
    with library.engine.connect() as conn:
        speakers = dict(conn.execute(text("SELECT id, name FROM speakers")).all())
        for a in conn.execute(text("SELECT id, sha256, path, url, title, outlet, author, published, body, model, "
                                   "engine_version FROM articles ORDER BY sha256")).all():
            aid = a[0]
            rows.append(("article", *(a if ids else a[1:])[:-3], bytes(a[8]), a[9], a[10]))
            for q in conn.execute(text('SELECT id, start, "end", kind, cue, confidence, speaker_confidence, '
                                       "speaker_start, speaker_end, cue_start, cue_end, edited, rejected, speaker_id "
                                       'FROM quotes WHERE article_id = :a ORDER BY start, "end"'), {"a": aid}):
                rows.append(("quote", *(q[:-1] if ids else q[1:-1]), bool(q[-3]), speakers.get(q[-1])))
            for s in conn.execute(text('SELECT start, "end", text, type FROM sources WHERE article_id = :a '
                                       'ORDER BY start, "end", type'), {"a": aid}):
                rows.append(("source", *s))
        for s in conn.execute(text("SELECT id, name, role, affiliation, kind FROM speakers ORDER BY name")):
            rows.append(("speaker", *(s if ids else s[1:])))
        for al in conn.execute(text("SELECT s.name, a.alias FROM speaker_aliases a JOIN speakers s "
                                    "ON s.id = a.speaker_id ORDER BY s.name, a.alias")):
            rows.append(("alias", *al))
    return rows
