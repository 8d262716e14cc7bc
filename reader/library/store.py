"""The Library: articles, speakers, quotes and sources, searchable by words, phrases and speaker.

It lives in one SQLite file (the desktop default) or on a PostgreSQL server shared by a team
(``backend``): one API for both. Every article is written in one transaction with its quotes,
sources and index entries, so a crash, Ctrl-C or a lost connection leaves either the whole article
or nothing. The full-text index is kept in step here, not by triggers, so that bulk loads can index
once at the end.
"""

from __future__ import annotations

import getpass
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from reader.library import catalog, textcodec
from reader.library.backend import SQLiteFile, is_server, sqlite_path
from reader.library.connection import default_location
from reader.library.corrections import Editor
from reader.library.people import speaker_row
from reader.library.schema import ArticleRow, QuoteRow, SourceRow, SpeakerRow
from reader.library.search import Query, parse_query
from reader.library.undo import Change, Recorder, take_back
from reader.model import (
    Analysis,
    Article,
    ArticleSummary,
    LibrarySourcing,
    Person,
    Quote,
    SearchHit,
    Source,
    Speaker,
    recount,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
RETRIES = 4  # a write that lost a race with another client (same new speaker, same article) is retried


def _when(at: datetime | str | None) -> str | None:
    if at is None:
        return None
    if isinstance(at, str):  # as SQLite hands it back
        at = datetime.fromisoformat(at)
    if at.tzinfo is not None:
        at = at.astimezone(UTC)
    return at.strftime("%Y-%m-%d %H:%M")


def default_user() -> str:
    """Who corrections are recorded as: $QUOTE_READER_USER, else the operating system's user."""
    env = os.environ.get("QUOTE_READER_USER", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Library:
    def __init__(self, location: str | Path | None = None, read_only: bool | None = None,
                 user: str | None = None) -> None:
        where = str(location) if location is not None else default_location()
        self.user = (user or "").strip() or default_user()
        if is_server(where):
            from reader.library.postgres import Server

            self.backend: SQLiteFile | Server = Server(where)
        else:
            self.backend = SQLiteFile(sqlite_path(where), read_only)
        self.path: Path | None = self.backend.path
        self.location = self.backend.location  # what another process opens the same library with
        self.name = self.backend.name  # what a person calls it
        self.read_only = self.backend.read_only
        self.lock = self.backend.lock
        self.engine: Engine = self.backend.engine
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.backend.migrate()

    @property
    def shared(self) -> bool:
        """On a database server, shared with others (not a file of one's own)."""
        return self.backend.dialect != "sqlite"

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except IntegrityError:
                session.rollback()
                raise  # a lost race: the caller retries
            except OperationalError as exc:
                session.rollback()
                if "deadlock" in str(exc).lower():
                    raise
                raise self.backend.plainly(exc) from exc
            except DatabaseError as exc:
                session.rollback()
                raise self.backend.plainly(exc) from exc
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A transaction that changes the library: refused on a read-only one, one writer at a time."""
        if self.read_only:
            raise self.backend.refuse_writes()
        with self.lock.held(), self.session() as s:
            yield s

    def _retrying(self, write: Callable[[Session], T]) -> T:
        """One write, retried when it lost a race with another client (both made the same new speaker,
        or deadlocked): the retry finds what the other stored."""
        for attempt in range(RETRIES):
            try:
                with self._writing() as s:
                    return write(s)
            except (IntegrityError, OperationalError) as exc:
                if attempt == RETRIES - 1:
                    raise self.backend.plainly(exc) from exc
                log.info("write lost a race with another client (%s); retrying", type(exc.orig).__name__)
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------ writing
    def add(self, article: Article, analysis: Analysis) -> int:
        """Store an article with its analysis in one transaction; returns the article id.

        The same text stored again (same sha256) is not duplicated: its machine results are replaced
        by the new analysis and every quote a person edited, added or rejected is kept as it is.
        """
        return self._retrying(lambda s: self._add(s, article, analysis))

    def _add(self, s: Session, article: Article, analysis: Analysis) -> int:
        self.backend.claim(s, article.sha256)
        row = s.scalars(select(ArticleRow).where(ArticleRow.sha256 == article.sha256)).first()
        if row is None:
            row = ArticleRow(sha256=article.sha256, path=article.path, url=article.url, title=article.title,
                             outlet=article.outlet, author=article.author, published=article.published,
                             body=textcodec.pack(article.text))
            s.add(row)
            s.flush()
        else:
            row.path = article.path or row.path
            for attr in ("title", "outlet", "author", "published", "url"):
                if getattr(article, attr):
                    setattr(row, attr, getattr(article, attr))
            machine = [q for q in row.quotes if not q.edited and not q.rejected]
            self.backend.index(s, article.text, machine, delete=True)
            for q in machine:
                row.quotes.remove(q)  # an orphan: deleted at the flush, and gone from the collection
            row.sources.clear()
            s.flush()
        row.model, row.engine_version = analysis.model, analysis.engine_version
        kept = [(kq.start, kq.end) for kq in row.quotes]  # what people corrected, added or rejected
        speakers = {sp.name: sp for sp in analysis.speakers}
        cache: dict[str, SpeakerRow] = {}
        new_rows = []
        for quote in analysis.quotes:
            if any(quote.start < e and b < quote.end for b, e in kept):
                continue  # a person's correction covers this stretch
            sp_row = None
            if quote.speaker:
                sp_row = cache.get(quote.speaker) or speaker_row(
                    s, speakers.get(quote.speaker), quote.speaker)
                cache[quote.speaker] = sp_row
            new_rows.append(QuoteRow(article_id=row.id, speaker_id=sp_row.id if sp_row else None,
                                     start=quote.start, end=quote.end, kind=quote.kind, cue=quote.cue,
                                     confidence=quote.confidence, speaker_confidence=quote.speaker_confidence,
                                     speaker_start=quote.speaker_start, speaker_end=quote.speaker_end,
                                     cue_start=quote.cue_start, cue_end=quote.cue_end, edited=False,
                                     rejected=False))
        s.add_all(new_rows)
        for source in analysis.sources:
            s.add(SourceRow(article_id=row.id, start=source.start, end=source.end, text=source.text,
                            type=source.type))
        s.flush()
        self.backend.index(s, article.text, new_rows)
        catalog.recount_articles(s, [row.id])
        return row.id

    def delete_article(self, article_id: int) -> Change | None:
        """An article out of the library, with its quotes, sources and corrections, and the people
        quoted nowhere else; returns what puts it back (``undo``)."""
        with self._writing() as s:
            article = s.get(ArticleRow, article_id)
            if article is None:
                return None
            rec = Recorder(s, "Remove Article")
            said_by = {q.speaker_id for q in article.quotes if q.speaker_id is not None}
            rec.watch("articles", [article_id])
            rec.watch_where("quotes", "article_id", [article_id])
            rec.watch_where("sources", "article_id", [article_id])
            rec.watch("speakers", said_by)
            rec.watch_where("speaker_aliases", "speaker_id", said_by)
            self.backend.index(s, article.text, article.quotes, delete=True)
            s.execute(text("DELETE FROM articles WHERE id = :id"), {"id": article_id})
            if said_by:  # people quoted nowhere else go with it
                s.execute(text(f"DELETE FROM speakers WHERE id IN ({','.join(map(str, said_by))}) AND NOT EXISTS "
                               "(SELECT 1 FROM quotes q WHERE q.speaker_id = speakers.id)"))
            return rec.finish()

    def bulk_add(self, items: Iterable[tuple[Article, Analysis]], batch: int = 2000) -> int:
        """Load many new articles fast: plain inserts in large transactions, the index built once.

        Articles already in the library are skipped. Returns the number of quotes added.
        """
        if self.read_only:
            raise self.backend.refuse_writes()
        try:
            with self.lock.held(), self.engine.begin() as conn:
                return self.backend.bulk_load(conn, items, batch)
        except DatabaseError as exc:
            raise self.backend.plainly(exc) from exc

    # ------------------------------------------------------------------ corrections
    # Each is a person's, survives re-analysis, and returns what takes it back (``undo``); what they do
    # is in library/corrections.py.
    @contextmanager
    def _editing(self) -> Iterator[Editor]:
        with self._writing() as s:
            yield Editor(s, self.user, self.backend)

    def reassign(self, article_id: int, start: int, end: int, speaker: str | None) -> Change:
        """A person says who really said it."""
        with self._editing() as edit:
            return edit.reassign(article_id, start, end, speaker)

    def set_kind(self, article_id: int, start: int, end: int, kind: str) -> Change:
        with self._editing() as edit:
            return edit.set_kind(article_id, start, end, kind)

    def reject(self, article_id: int, start: int, end: int) -> Change:
        """'Not a quote': hidden everywhere, and not brought back by re-analysis."""
        with self._editing() as edit:
            return edit.reject(article_id, start, end)

    def add_quote(self, article_id: int, start: int, end: int, kind: str, speaker: str | None) -> Change:
        """A quote the engine missed, marked from a text selection."""
        with self._editing() as edit:
            return edit.add_quote(article_id, start, end, kind, speaker)

    def rename_speaker(self, name: str, new_name: str) -> Change:
        with self._editing() as edit:
            return edit.rename(name, new_name)

    def add_alias(self, name: str, alias: str) -> Change:
        with self._editing() as edit:
            return edit.add_alias(name, alias)

    def merge_speakers(self, keep: str, other: str) -> Change | None:
        """Two names for one person: `other`'s quotes and aliases move to `keep`."""
        with self._editing() as edit:
            return edit.merge(keep, other)

    def split_speaker(self, name: str, quote_ids: Sequence[int], new_name: str) -> Change:
        """Some of a speaker's quotes belong to someone else (two people with one surname)."""
        with self._editing() as edit:
            return edit.split(name, quote_ids, new_name)

    def undo(self, change: Change) -> Change:
        """Take a correction back (or an undo: that is a redo); returns what takes this back in turn."""
        def reindex(s: Session, article_id: int, quote_ids: list[int], remove: bool) -> None:
            article = s.get(ArticleRow, article_id)
            if article is not None:
                rows = s.scalars(select(QuoteRow).where(QuoteRow.id.in_(quote_ids))).all()
                self.backend.index(s, article.text, rows, delete=remove)

        with self._writing() as s:
            redo = take_back(s, change, reindex)
            s.expire_all()
            catalog.recount_articles(s, {a for a in redo.articles if s.get(ArticleRow, a) is not None})
            return redo

    # ------------------------------------------------------------------ reading
    def has(self, sha256: str) -> bool:
        return self.article_id(sha256) is not None

    def article_id(self, sha256: str) -> int | None:
        with self.session() as s:
            return s.scalar(select(ArticleRow.id).where(ArticleRow.sha256 == sha256))

    def article(self, article_id: int) -> Article | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                return None
            return Article(text=row.text, title=row.title, outlet=row.outlet, author=row.author,
                           published=row.published, path=row.path, sha256=row.sha256, url=row.url)

    def analysis(self, article_id: int) -> Analysis:
        """The stored quotes, speakers and sources of one article (corrections included)."""
        with self.session() as s:
            article = s.get(ArticleRow, article_id)
            if article is None:
                return Analysis()
            body = article.text
            rows = s.scalars(select(QuoteRow).where(QuoteRow.article_id == article_id,
                                                    QuoteRow.rejected.is_(False))
                             .order_by(QuoteRow.start)).all()
            quotes = [Quote(start=q.start, end=q.end, text=body[q.start:q.end], kind=q.kind,
                            speaker=q.speaker.name if q.speaker else None, speaker_start=q.speaker_start,
                            speaker_end=q.speaker_end, cue=q.cue, cue_start=q.cue_start, cue_end=q.cue_end,
                            confidence=q.confidence, speaker_confidence=q.speaker_confidence,
                            corrected_by=q.edited_by, corrected_at=_when(q.edited_at))
                      for q in rows]
            known = {q.speaker_id: q.speaker for q in rows if q.speaker is not None}
            speakers = recount((self._to_speaker(row, 0) for row in known.values()), quotes)
            sources = [Source(r.start, r.end, r.text, r.type) for r in
                       s.scalars(select(SourceRow).where(SourceRow.article_id == article_id)
                                 .order_by(SourceRow.start))]
            return Analysis(quotes=tuple(quotes), speakers=speakers, sources=tuple(sources),
                            model=article.model or "", engine_version=article.engine_version or "")

    def has_corrections(self, article_id: int) -> bool:
        with self.session() as s:
            return (s.scalar(select(func.count()).select_from(QuoteRow).where(
                QuoteRow.article_id == article_id, (QuoteRow.edited.is_(True)) | (QuoteRow.rejected.is_(True))))
                or 0) > 0

    @staticmethod
    def _to_speaker(row: SpeakerRow, count: int) -> Speaker:
        return Speaker(name=row.name, aliases=tuple(sorted(a.alias for a in row.aliases)), role=row.role,
                       affiliation=row.affiliation, kind=row.kind, quote_count=count)

    def counts(self) -> dict[str, int]:
        with self.session() as s:
            return {
                "articles": s.scalar(select(func.count()).select_from(ArticleRow)) or 0,
                "quotes": s.scalar(select(func.count()).select_from(QuoteRow)) or 0,
                "speakers": s.scalar(select(func.count()).select_from(SpeakerRow)) or 0,
            }

    def speakers(self, limit: int | None = None) -> list[Speaker]:
        """Every speaker with their number of quotes in the library, most quoted first."""
        with self.session() as s:
            stmt = (select(SpeakerRow, func.count(QuoteRow.id).label("n"))
                    .join(QuoteRow, QuoteRow.speaker_id == SpeakerRow.id)
                    .where(QuoteRow.rejected.is_(False))
                    .group_by(SpeakerRow.id).order_by(func.count(QuoteRow.id).desc(), SpeakerRow.name))
            if limit:
                stmt = stmt.limit(limit)
            return [self._to_speaker(row, n) for row, n in s.execute(stmt).all()]

    def quotes_by(self, name: str, limit: int = 1000) -> list[SearchHit]:
        """All quotes by a speaker (by name or alias) across the library, newest first."""
        return self.search(Query(speaker=name), limit=limit)

    def quotes_of_article(self, article_id: int) -> list[SearchHit]:
        return self.search(Query(article_id=article_id), limit=100000)

    def search(self, query: str | Query, limit: int = 100, speaker: str | None = None) -> list[SearchHit]:
        q = parse_query(query) if isinstance(query, str) else query
        if speaker:
            q.speaker = speaker
        if q.empty:
            return []
        return self.backend.search(q, limit)

    def article_order(self, query: str = "", sort: str = "added", descending: bool = True) -> list[int]:
        """The ids of the stored articles whose title, outlet or author holds ``query`` (or who quote
        someone of that name), sorted by a column of the library view."""
        with self.engine.connect() as conn:
            return catalog.article_order(conn, query, sort, descending)

    def summaries(self, ids: list[int]) -> list[ArticleSummary]:
        with self.engine.connect() as conn:
            return catalog.summaries(conn, ids)

    def people(self, query: str = "", limit: int | None = None) -> list[Person]:
        """Everyone quoted in the library, most quoted first."""
        with self.engine.connect() as conn:
            return catalog.people(conn, query, limit)

    def sourcing(self, outlet: str = "", after: str = "", before: str = "", query: str = "") -> LibrarySourcing:
        """Who the library quotes: people, outlets and months, for all of it or an outlet, a date range
        (YYYY-MM-DD or YYYY-MM) or the quotes a search finds."""
        ids = [h.quote_id for h in self.search(query, limit=200_000)] if query.strip() else None
        with self.engine.connect() as conn:
            return catalog.sourcing(conn, outlet, after, before, ids)

    def article_ids(self) -> Sequence[int]:
        with self.session() as s:
            return list(s.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))

    def check(self) -> list[str]:
        """Problems found by the database's own checks and the full-text index's (empty when all is well)."""
        return self.backend.check()
