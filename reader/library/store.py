"""The Library: one SQLite file holding articles, speakers, quotes and sources, searchable with FTS5.

Every article is written in one transaction with its quotes, sources and index entries, so a crash
or Ctrl-C leaves either the whole article or nothing. The FTS5 index is kept in step here, not by
triggers, so that bulk loads can index once at the end.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from reader.library import connection, guard, migrate, textcodec
from reader.library.connection import default_db_path
from reader.library.errors import LibraryError
from reader.library.people import find_speaker, speaker_row
from reader.library.schema import AliasRow, ArticleRow, QuoteRow, SourceRow, SpeakerRow
from reader.library.search import Query, parse_query, run_search
from reader.model import (
    Analysis,
    Article,
    Quote,
    QuoteKind,
    SearchHit,
    Source,
    Speaker,
    recount,
)

log = logging.getLogger(__name__)


def _index(session: Session, body: str, rows: Iterable[QuoteRow], delete: bool = False) -> None:
    """Add quotes to (or take them out of) the full-text index, with texts sliced here from the body
    we already hold: going through the quote_text view would inflate the whole article per quote."""
    params = [{"id": r.id, "text": body[r.start:r.end]} for r in rows]
    if not params:
        return
    sql = ("INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', :id, :text)" if delete
           else "INSERT INTO quotes_fts(rowid, text) VALUES (:id, :text)")
    session.execute(text(sql), params)


class Library:
    def __init__(self, path: str | Path | None = None, read_only: bool | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the library folder {self.path.parent}: {exc.strerror}") from exc
        self.read_only = not guard.writable(self.path) if read_only is None else read_only
        if self.read_only and not self.path.exists():
            raise LibraryError(f"there is no library at {self.path}, and its folder cannot be written")
        self.lock = guard.WriteLock(self.path)
        self.engine: Engine = connection.open_engine(self.path, self.read_only)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        backup = None
        try:
            with self.engine.begin() as conn:
                revision = migrate.pending(conn)
                if revision is not None and self.read_only:
                    raise LibraryError(f"{self.path} needs an upgrade but is read-only: open it once where it "
                                       f"can be written")
                if revision is not None:
                    backup = connection.backup(conn, self.path, revision)
                if not self.read_only:
                    migrate.upgrade(conn)
        except DatabaseError as exc:
            self.engine.dispose()
            if guard.is_damage(exc):
                raise connection.damaged(self.path, exc) from exc
            kept = f" (a copy from before the upgrade is {backup})" if backup else ""
            raise LibraryError(f"{self.path} is not a usable library: {exc.orig}{kept}") from exc
        except LibraryError:
            self.engine.dispose()
            raise
        if backup is None and not self.read_only:
            connection.drop_backups(self.path)
        if self.read_only:
            log.warning("%s is read-only: it opens for reading and searching only", self.path)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except DatabaseError as exc:
                session.rollback()
                raise connection.plainly(exc, self.path, self.lock) from exc
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A transaction that changes the library: refused on a read-only one, one writer at a time."""
        if self.read_only:
            raise connection.read_only(self.path)
        with self.lock.held(), self.session() as s:
            yield s

    # ------------------------------------------------------------------ writing
    def add(self, article: Article, analysis: Analysis) -> int:
        """Store an article with its analysis in one transaction; returns the article id.

        The same text stored again (same sha256) is not duplicated: its machine results are replaced
        by the new analysis and every quote a person edited, added or rejected is kept as it is.
        """
        with self._writing() as s:
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
                _index(s, article.text, machine, delete=True)
                for q in machine:
                    s.delete(q)
                for src in list(row.sources):
                    s.delete(src)
                s.flush()
            row.model, row.engine_version = analysis.model, analysis.engine_version
            kept = [(kq.start, kq.end) for kq in row.quotes]
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
            _index(s, article.text, new_rows)
            return row.id

    def delete_article(self, article_id: int) -> None:
        with self._writing() as s:
            article = s.get(ArticleRow, article_id)
            if article is None:
                return
            _index(s, article.text, article.quotes, delete=True)
            s.execute(text("DELETE FROM articles WHERE id = :id"), {"id": article_id})

    def bulk_add(self, items: Iterable[tuple[Article, Analysis]], batch: int = 2000) -> int:
        """Load many new articles fast: plain inserts in large transactions, the index built once.

        Articles already in the library are skipped. Returns the number of quotes added.
        """
        from reader.library.bulk import bulk_load

        if self.read_only:
            raise connection.read_only(self.path)
        try:
            with self.lock.held(), self.engine.begin() as conn:
                return bulk_load(conn, items, batch)
        except DatabaseError as exc:
            raise connection.plainly(exc, self.path, self.lock) from exc

    # ------------------------------------------------------------------ corrections
    def _quote_at(self, s: Session, article_id: int, start: int, end: int) -> QuoteRow:
        row = s.scalars(select(QuoteRow).where(QuoteRow.article_id == article_id, QuoteRow.start == start,
                                               QuoteRow.end == end)).first()
        if row is None:
            raise LibraryError("that quote is no longer in the library")
        return row

    def reassign(self, article_id: int, start: int, end: int, speaker: str | None) -> None:
        """A person says who really said it; the correction survives re-analysis."""
        with self._writing() as s:
            row = self._quote_at(s, article_id, start, end)
            row.speaker_id = speaker_row(s, None, speaker.strip()).id if speaker and speaker.strip() else None
            row.edited = True
            row.confidence = row.speaker_confidence = 1.0

    def set_kind(self, article_id: int, start: int, end: int, kind: str) -> None:
        if kind not in set(QuoteKind):
            raise LibraryError(f"unknown quote kind {kind!r}")
        with self._writing() as s:
            row = self._quote_at(s, article_id, start, end)
            row.kind = kind
            row.edited = True
            row.confidence = 1.0

    def reject(self, article_id: int, start: int, end: int) -> None:
        """'Not a quote': hidden everywhere, and not brought back by re-analysis."""
        with self._writing() as s:
            row = self._quote_at(s, article_id, start, end)
            row.rejected = True
            row.edited = True

    def add_quote(self, article_id: int, start: int, end: int, kind: str, speaker: str | None) -> None:
        """A quote the engine missed, marked from a text selection."""
        with self._writing() as s:
            article = s.get(ArticleRow, article_id)
            if article is None or not 0 <= start < end <= len(article.text):
                raise LibraryError("that selection is not inside the article")
            sp = speaker_row(s, None, speaker.strip()) if speaker and speaker.strip() else None
            row = QuoteRow(article_id=article_id, speaker_id=sp.id if sp else None, start=start, end=end,
                           kind=kind, edited=True, rejected=False, confidence=1.0, speaker_confidence=1.0)
            s.add(row)
            s.flush()
            _index(s, article.text, [row])

    def rename_speaker(self, name: str, new_name: str) -> None:
        new_name = " ".join(new_name.split())
        if not new_name:
            raise LibraryError("a speaker needs a name")
        with self._writing() as s:
            row = find_speaker(s, name)
            if row is None:
                raise LibraryError(f"no speaker called {name!r}")
            clash = s.scalars(select(SpeakerRow).where(SpeakerRow.name == new_name)).first()
            if clash is not None and clash.id != row.id:
                raise LibraryError(f"{new_name!r} already exists: merge the two speakers instead")
            old = row.name
            row.name = new_name
            if old not in {a.alias for a in row.aliases}:
                row.aliases.append(AliasRow(alias=old))

    def add_alias(self, name: str, alias: str) -> None:
        with self._writing() as s:
            row = find_speaker(s, name)
            if row is None:
                raise LibraryError(f"no speaker called {name!r}")
            if alias not in {a.alias for a in row.aliases} and alias != row.name:
                row.aliases.append(AliasRow(alias=alias))

    def merge_speakers(self, keep: str, other: str) -> None:
        """Two names for one person: `other`'s quotes and aliases move to `keep`."""
        with self._writing() as s:
            a, b = find_speaker(s, keep), find_speaker(s, other)
            if a is None or b is None:
                raise LibraryError(f"no speaker called {keep if a is None else other!r}")
            if a.id == b.id:
                return
            s.execute(text("UPDATE quotes SET speaker_id = :a WHERE speaker_id = :b"), {"a": a.id, "b": b.id})
            known = {x.alias for x in a.aliases} | {a.name}
            for alias in [b.name, *(x.alias for x in b.aliases)]:
                if alias not in known:
                    a.aliases.append(AliasRow(alias=alias))
                    known.add(alias)
            a.role = a.role or b.role
            a.affiliation = a.affiliation or b.affiliation
            s.delete(b)

    def split_speaker(self, name: str, quote_ids: Sequence[int], new_name: str) -> None:
        """Some of a speaker's quotes belong to someone else (two people with one surname)."""
        with self._writing() as s:
            row = find_speaker(s, name)
            if row is None:
                raise LibraryError(f"no speaker called {name!r}")
            target = speaker_row(s, None, new_name.strip())
            for q in s.scalars(select(QuoteRow).where(QuoteRow.id.in_(list(quote_ids)),
                                                      QuoteRow.speaker_id == row.id)):
                q.speaker_id = target.id
                q.edited = True

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
                            confidence=q.confidence, speaker_confidence=q.speaker_confidence)
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
        # The driver's own connection, not the ORM: this path is timed in milliseconds. One read
        # transaction, so the ranking and the details see the same library.
        raw = self.engine.raw_connection()
        try:
            dbapi = raw.driver_connection
            assert dbapi is not None
            dbapi.execute("BEGIN")
            try:
                return run_search(dbapi, q, limit)
            finally:
                dbapi.execute("COMMIT")
        except sqlite3.Error as exc:
            raise LibraryError(f"search failed: {exc}") from exc
        finally:
            raw.close()

    def article_ids(self) -> Sequence[int]:
        with self.session() as s:
            return list(s.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))

    def check(self) -> list[str]:
        """Problems found by SQLite's and FTS5's own integrity checks (empty when all is well)."""
        problems = []
        with self.engine.connect() as conn:
            result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
            if result != "ok":
                problems.append(str(result))
            try:
                conn.exec_driver_sql("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")
            except DatabaseError as exc:
                problems.append(f"full-text index: {exc.orig}")
        return problems
