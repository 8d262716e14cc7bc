"""Undo for the library's corrections: the rows a change touched, as they were, and the rows it made.

A change records the rows it may touch before touching them (``Recorder.watch``) and which rows it
made (any row with an id above the table's largest before it). Putting those rows back is the same
kind of change, recorded the same way, so undoing an undo is a redo. Works on both databases through
the models' own tables; the full-text index follows the quotes that come and go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from reader.library.schema import Base

ORDER = ("articles", "speakers", "speaker_aliases", "quotes", "sources")  # parents before children


@dataclass
class Change:
    """A recorded change: enough to take it back."""

    label: str
    before: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)  # rows as they were
    made: dict[str, list[int]] = field(default_factory=dict)  # rows it created
    articles: set[int] = field(default_factory=set)  # whose counts and index follow


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


class Recorder:
    def __init__(self, session: Session, label: str) -> None:
        self.s = session
        self.change = Change(label)
        self._top = {name: session.scalar(select(func.max(_table(name).c.id))) or 0 for name in ORDER}

    def watch(self, name: str, ids: Iterable[int]) -> None:
        """These rows may change: keep them as they are now."""
        table = _table(name)
        wanted = [i for i in set(ids) if i not in self.change.before.get(name, {})]
        if not wanted:
            return
        kept = self.change.before.setdefault(name, {})
        for row in self.s.execute(select(table).where(table.c.id.in_(wanted))).mappings():
            kept[row["id"]] = dict(row)
        if name == "quotes":
            self.change.articles.update(r["article_id"] for r in kept.values())
        if name == "articles":
            self.change.articles.update(wanted)

    def watch_where(self, name: str, column: str, values: Iterable[int]) -> None:
        table = _table(name)
        values = list(set(values))
        if values:
            self.watch(name, self.s.scalars(select(table.c.id).where(table.c[column].in_(values))))

    def finish(self) -> Change:
        self.s.flush()
        for name in ORDER:
            table = _table(name)
            made = list(self.s.scalars(select(table.c.id).where(table.c.id > self._top[name])))
            if made:
                self.change.made[name] = made
                if name == "quotes":
                    self.change.articles.update(self.s.scalars(select(table.c.article_id)
                                                               .where(table.c.id.in_(made))))
        return self.change


Reindex = Callable[[Session, int, list[int], bool], None]  # article id, quote ids, delete?


def take_back(s: Session, change: Change, reindex: Reindex) -> Change:
    """Put the rows back as they were before ``change``; returns the change that does so (for redo)."""
    rec = Recorder(s, change.label)
    for name, rows in change.before.items():
        rec.watch(name, rows)
    for name, ids in change.made.items():
        rec.watch(name, ids)
    # rows the change made go, children first, the quotes out of the full-text index
    made_quotes = change.made.get("quotes", [])
    if made_quotes:
        for article_id, ids in _by_article(s, made_quotes).items():
            reindex(s, article_id, ids, True)
    for name in reversed(ORDER):
        made = change.made.get(name)
        if made:
            s.execute(delete(_table(name)).where(_table(name).c.id.in_(made)))
    # rows it changed or deleted come back as they were, parents first
    back_in: list[int] = []
    for name in ORDER:
        rows = change.before.get(name, {})
        if not rows:
            continue
        table = _table(name)
        present = set(s.scalars(select(table.c.id).where(table.c.id.in_(list(rows)))))
        for row_id, row in rows.items():
            if row_id in present:
                s.execute(update(table).where(table.c.id == row_id).values(**row))
            else:
                s.execute(insert(table).values(**row))
                if name == "quotes":
                    back_in.append(row_id)
    if back_in:
        for article_id, ids in _by_article(s, back_in).items():
            reindex(s, article_id, ids, False)
    s.flush()
    redo = rec.finish()
    redo.articles |= change.articles
    return redo


def _by_article(s: Session, quote_ids: list[int]) -> dict[int, list[int]]:
    quotes = _table("quotes")
    out: dict[int, list[int]] = {}
    for qid, article_id in s.execute(select(quotes.c.id, quotes.c.article_id).where(quotes.c.id.in_(quote_ids))):
        out.setdefault(article_id, []).append(qid)
    return out
