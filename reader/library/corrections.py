"""What a person's corrections do to the library, inside the transaction the Library opens for them.
Each records the rows it touches first (``undo.Recorder``) and returns what takes it back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from reader.library import catalog
from reader.library.errors import LibraryError
from reader.library.people import find_speaker, speaker_row, with_role
from reader.library.schema import AliasRow, ArticleRow, QuoteRow, SpeakerRow
from reader.library.undo import Change, Recorder
from reader.model import QuoteKind


@dataclass
class Editor:
    s: Session
    user: str
    backend: Any  # the library's backend: keeps the full-text index in step

    def _corrected(self, row: QuoteRow) -> None:
        row.edited = True
        row.edited_by = self.user
        row.edited_at = datetime.now(UTC)

    def _quote(self, label: str, article_id: int, start: int, end: int,
               change: Callable[[QuoteRow], None]) -> Change:
        """One quote corrected: found by its offsets, changed, marked as a person's, counted again."""
        rec = Recorder(self.s, label)
        row = self.s.scalars(select(QuoteRow).where(QuoteRow.article_id == article_id, QuoteRow.start == start,
                                                    QuoteRow.end == end)).first()
        if row is None:
            raise LibraryError("that quote is no longer in the library")
        rec.watch("quotes", [row.id])
        change(row)
        self._corrected(row)
        self.s.flush()
        catalog.recount_articles(self.s, [article_id])
        return rec.finish()

    def reassign(self, article_id: int, start: int, end: int, speaker: str | None) -> Change:
        def change(row: QuoteRow) -> None:
            row.speaker_id = speaker_row(self.s, None, speaker.strip()).id if speaker and speaker.strip() else None
            row.confidence = row.speaker_confidence = 1.0

        return self._quote("Change Speaker", article_id, start, end, change)

    def set_kind(self, article_id: int, start: int, end: int, kind: str) -> Change:
        if kind not in set(QuoteKind):
            raise LibraryError(f"unknown quote kind {kind!r}")

        def change(row: QuoteRow) -> None:
            row.kind = kind
            row.confidence = 1.0

        return self._quote("Change Kind", article_id, start, end, change)

    def reject(self, article_id: int, start: int, end: int) -> Change:
        def change(row: QuoteRow) -> None:
            row.rejected = True

        return self._quote("Not a Quote", article_id, start, end, change)

    def add_quote(self, article_id: int, start: int, end: int, kind: str, speaker: str | None) -> Change:
        s = self.s
        rec = Recorder(s, "Add Quote")
        article = s.get(ArticleRow, article_id)
        if article is None or not 0 <= start < end <= len(article.text):
            raise LibraryError("that selection is not inside the article")
        sp = speaker_row(s, None, speaker.strip()) if speaker and speaker.strip() else None
        row = QuoteRow(article_id=article_id, speaker_id=sp.id if sp else None, start=start, end=end,
                       kind=kind, rejected=False, confidence=1.0, speaker_confidence=1.0)
        self._corrected(row)
        s.add(row)
        s.flush()
        self.backend.index(s, article.text, [row])
        catalog.recount_articles(s, [article_id])
        return rec.finish()

    def _speaker(self, name: str) -> SpeakerRow:
        row = find_speaker(self.s, name)
        if row is None:
            raise LibraryError(f"no speaker called {name!r}")
        return row

    def rename(self, name: str, new_name: str) -> Change:
        new_name = " ".join(new_name.split())
        if not new_name:
            raise LibraryError("a speaker needs a name")
        rec = Recorder(self.s, "Rename")
        row = self._speaker(name)
        rec.watch("speakers", [row.id])
        clash = self.s.scalars(select(SpeakerRow).where(SpeakerRow.name == new_name)).first()
        if clash is not None and clash.id != row.id:
            raise LibraryError(f"{new_name!r} already exists: merge the two speakers instead")
        old = row.name
        row.name = new_name
        if old not in {a.alias for a in row.aliases}:
            row.aliases.append(AliasRow(alias=old))
        return rec.finish()

    def add_alias(self, name: str, alias: str) -> Change:
        rec = Recorder(self.s, "Add Another Name")
        row = self._speaker(name)
        if alias not in {a.alias for a in row.aliases} and alias != row.name:
            row.aliases.append(AliasRow(alias=alias))
        return rec.finish()

    def merge(self, keep: str, other: str) -> Change | None:
        s = self.s
        rec = Recorder(s, "Merge")
        a, b = find_speaker(s, keep), find_speaker(s, other)
        if a is None or b is None:
            raise LibraryError(f"no speaker called {keep if a is None else other!r}")
        if a.id == b.id:
            return None
        rec.watch("speakers", [a.id, b.id])
        rec.watch_where("speaker_aliases", "speaker_id", [a.id, b.id])
        rec.watch_where("quotes", "speaker_id", [b.id])
        touched = list(s.scalars(select(QuoteRow.article_id).where(QuoteRow.speaker_id == b.id).distinct()))
        s.execute(text("UPDATE quotes SET speaker_id = :a WHERE speaker_id = :b"), {"a": a.id, "b": b.id})
        known = {x.alias for x in a.aliases} | {a.name}
        for alias in [b.name, *(x.alias for x in b.aliases)]:
            if alias not in known:
                a.aliases.append(AliasRow(alias=alias))
                known.add(alias)
        a.role = a.role or b.role
        for role in (b.roles or "").splitlines():
            a.roles = with_role(a.roles, role)
        a.affiliation = a.affiliation or b.affiliation
        s.delete(b)
        s.flush()
        catalog.recount_articles(s, touched)
        return rec.finish()

    def split(self, name: str, quote_ids: Sequence[int], new_name: str) -> Change:
        s = self.s
        rec = Recorder(s, "Split")
        row = self._speaker(name)
        rec.watch("quotes", quote_ids)
        target = speaker_row(s, None, new_name.strip())
        for q in s.scalars(select(QuoteRow).where(QuoteRow.id.in_(list(quote_ids)), QuoteRow.speaker_id == row.id)):
            q.speaker_id = target.id
            self._corrected(q)
        s.flush()
        catalog.recount_articles(s, rec.change.articles)
        return rec.finish()
