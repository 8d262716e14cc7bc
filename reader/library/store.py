"""The Library: one SQLite file holding articles, speakers, quotes and sources, searchable with FTS5."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from reader.library.schema import FTS_DDL, AliasRow, ArticleRow, Base, QuoteRow, SourceRow, SpeakerRow
from reader.library.search import Query, parse_query
from reader.model import Analysis, Article, Quote, SearchHit, Source, Speaker


class LibraryError(Exception):
    """A library problem a user can act on (locked, corrupt, unwritable); the message says which."""


def default_db_path() -> Path:
    env = os.environ.get("QUOTE_READER_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("quote-reader", appauthor=False) / "library.sqlite3"


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


class Library:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the library folder {self.path.parent}: {exc.strerror}") from exc
        self.engine: Engine = create_engine(f"sqlite:///{self.path}", connect_args={"check_same_thread": False})
        event.listen(self.engine, "connect", _on_connect)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            Base.metadata.create_all(self.engine)
            with self.engine.begin() as conn:
                for ddl in FTS_DDL:
                    conn.execute(text(ddl))
        except DatabaseError as exc:
            raise LibraryError(f"{self.path} is not a usable library: {exc.orig}") from exc

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                raise LibraryError(f"library error: {exc.orig}") from exc
            except BaseException:
                session.rollback()
                raise

    # ------------------------------------------------------------------ writing
    def _speaker_row(self, session: Session, speaker: Speaker | None, name: str) -> SpeakerRow:
        row = session.scalars(select(SpeakerRow).where(SpeakerRow.name == name)).first()
        if row is None:
            alias_row = session.scalars(select(AliasRow).where(AliasRow.alias == name)).first()
            if alias_row is not None:
                row = session.get(SpeakerRow, alias_row.speaker_id)
        if row is None:
            row = SpeakerRow(name=name, kind=speaker.kind if speaker else "person",
                             role=speaker.role if speaker else None,
                             affiliation=speaker.affiliation if speaker else None)
            session.add(row)
            session.flush()
        elif speaker is not None:
            row.role = row.role or speaker.role
            row.affiliation = row.affiliation or speaker.affiliation
        if speaker is not None:
            known = {a.alias for a in row.aliases} | {row.name}
            for alias in speaker.aliases:
                if alias not in known:
                    row.aliases.append(AliasRow(alias=alias))
                    known.add(alias)
        return row

    def add(self, article: Article, analysis: Analysis) -> int:
        """Store an article with its analysis in one transaction; returns the article id.

        The same text stored again (same sha256) is not duplicated: its machine results are replaced
        by the new analysis and every quote a person edited, added or rejected is kept as it is.
        """
        with self.session() as s:
            row = s.scalars(select(ArticleRow).where(ArticleRow.sha256 == article.sha256)).first()
            if row is None:
                row = ArticleRow(sha256=article.sha256, path=article.path, title=article.title,
                                 outlet=article.outlet, author=article.author, published=article.published,
                                 text=article.text)
                s.add(row)
                s.flush()
            else:
                row.path = article.path or row.path
                for attr in ("title", "outlet", "author", "published"):
                    if getattr(article, attr):
                        setattr(row, attr, getattr(article, attr))
                for q in list(row.quotes):
                    if not q.edited and not q.rejected:
                        s.delete(q)
                for src in list(row.sources):
                    s.delete(src)
                s.flush()
            row.model, row.engine_version = analysis.model, analysis.engine_version
            kept = [(kq.start, kq.end) for kq in row.quotes]
            speakers = {sp.name: sp for sp in analysis.speakers}
            cache: dict[str, SpeakerRow] = {}
            for quote in analysis.quotes:
                if any(quote.start < e and b < quote.end for b, e in kept):
                    continue  # a person's correction covers this stretch
                sp_row = None
                if quote.speaker:
                    sp_row = cache.get(quote.speaker) or self._speaker_row(
                        s, speakers.get(quote.speaker), quote.speaker)
                    cache[quote.speaker] = sp_row
                s.add(QuoteRow(article_id=row.id, speaker_id=sp_row.id if sp_row else None, start=quote.start,
                               end=quote.end, text=quote.text, kind=quote.kind, cue=quote.cue,
                               confidence=quote.confidence))
            for source in analysis.sources:
                s.add(SourceRow(article_id=row.id, start=source.start, end=source.end, text=source.text,
                                type=source.type))
            return row.id

    # ------------------------------------------------------------------ corrections
    def _quote_at(self, s: Session, article_id: int, start: int, end: int) -> QuoteRow:
        row = s.scalars(select(QuoteRow).where(QuoteRow.article_id == article_id, QuoteRow.start == start,
                                               QuoteRow.end == end)).first()
        if row is None:
            raise LibraryError("that quote is no longer in the library")
        return row

    def reassign(self, article_id: int, start: int, end: int, speaker: str | None) -> None:
        """A person says who really said it; the correction survives re-analysis."""
        with self.session() as s:
            row = self._quote_at(s, article_id, start, end)
            row.speaker_id = self._speaker_row(s, None, speaker.strip()).id if speaker and speaker.strip() else None
            row.edited = True
            row.confidence = 1.0

    def set_kind(self, article_id: int, start: int, end: int, kind: str) -> None:
        if kind not in ("direct", "indirect", "mixed"):
            raise LibraryError(f"unknown quote kind {kind!r}")
        with self.session() as s:
            row = self._quote_at(s, article_id, start, end)
            row.kind = kind
            row.edited = True

    def reject(self, article_id: int, start: int, end: int) -> None:
        """'Not a quote': hidden everywhere, and not brought back by re-analysis."""
        with self.session() as s:
            row = self._quote_at(s, article_id, start, end)
            row.rejected = True
            row.edited = True

    def add_quote(self, article_id: int, start: int, end: int, kind: str, speaker: str | None) -> None:
        """A quote the engine missed, marked from a text selection."""
        with self.session() as s:
            article = s.get(ArticleRow, article_id)
            if article is None or not 0 <= start < end <= len(article.text):
                raise LibraryError("that selection is not inside the article")
            sp = self._speaker_row(s, None, speaker.strip()) if speaker and speaker.strip() else None
            s.add(QuoteRow(article_id=article_id, speaker_id=sp.id if sp else None, start=start, end=end,
                           text=article.text[start:end], kind=kind, edited=True))

    # ------------------------------------------------------------------ reading
    def has(self, sha256: str) -> bool:
        with self.session() as s:
            return (s.scalar(select(func.count()).select_from(ArticleRow).where(ArticleRow.sha256 == sha256))
                    or 0) > 0

    def article_id(self, sha256: str) -> int | None:
        with self.session() as s:
            return s.scalar(select(ArticleRow.id).where(ArticleRow.sha256 == sha256))

    def article(self, article_id: int) -> Article | None:
        with self.session() as s:
            row = s.get(ArticleRow, article_id)
            if row is None:
                return None
            return Article(text=row.text, title=row.title, outlet=row.outlet, author=row.author,
                           published=row.published, path=row.path, sha256=row.sha256)

    def analysis(self, article_id: int) -> Analysis:
        """The stored quotes, speakers and sources of one article (corrections included)."""
        with self.session() as s:
            rows = s.scalars(select(QuoteRow).where(QuoteRow.article_id == article_id,
                                                    QuoteRow.rejected.is_(False))
                             .order_by(QuoteRow.start)).all()
            quotes = []
            counts: dict[int, int] = {}
            for q in rows:
                quotes.append(Quote(start=q.start, end=q.end, text=q.text, kind=q.kind,
                                    speaker=q.speaker.name if q.speaker else None, cue=q.cue,
                                    confidence=q.confidence))
                if q.speaker_id is not None:
                    counts[q.speaker_id] = counts.get(q.speaker_id, 0) + 1
            speakers = [self._to_speaker(s.get(SpeakerRow, sid), n) for sid, n in counts.items()]
            speakers.sort(key=lambda sp: (-sp.quote_count, sp.name))
            sources = [Source(r.start, r.end, r.text, r.type) for r in
                       s.scalars(select(SourceRow).where(SourceRow.article_id == article_id)
                                 .order_by(SourceRow.start))]
            return Analysis(quotes=tuple(quotes), speakers=tuple(speakers), sources=tuple(sources))

    @staticmethod
    def _to_speaker(row: SpeakerRow | None, count: int) -> Speaker:
        assert row is not None
        return Speaker(name=row.name, aliases=tuple(sorted(a.alias for a in row.aliases)), role=row.role,
                       affiliation=row.affiliation, kind=row.kind, quote_count=count)

    def has_corrections(self, article_id: int) -> bool:
        with self.session() as s:
            return (s.scalar(select(func.count()).select_from(QuoteRow).where(
                QuoteRow.article_id == article_id, (QuoteRow.edited.is_(True)) | (QuoteRow.rejected.is_(True))))
                or 0) > 0

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

    def _speaker_ids(self, s: Session, name: str) -> list[int]:
        ids = set(s.scalars(select(SpeakerRow.id).where(func.lower(SpeakerRow.name) == name.lower())))
        ids |= set(s.scalars(select(AliasRow.speaker_id).where(func.lower(AliasRow.alias) == name.lower())))
        if not ids:
            like = f"%{name.lower()}%"
            ids = set(s.scalars(select(SpeakerRow.id).where(func.lower(SpeakerRow.name).like(like)).limit(50)))
        return sorted(ids)

    def quotes_by(self, name: str, limit: int = 1000) -> list[SearchHit]:
        """All quotes by a speaker (by name or alias) across the library, newest articles first."""
        return self.search(f'speaker:"{name}"', limit=limit)

    def search(self, query: str | Query, limit: int = 100, speaker: str | None = None) -> list[SearchHit]:
        q = parse_query(query) if isinstance(query, str) else query
        if speaker:
            q.speaker = speaker
        if q.empty:
            return []
        params: dict[str, Any] = {"limit": limit}
        where = ["q.rejected = 0"]
        if q.match:
            sql_from = ("quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
                        "JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id")
            where.append("quotes_fts MATCH :match")
            params["match"] = q.match
            snippet = "snippet(quotes_fts, 0, '\u2039', '\u203a', '\u2026', 16)"
            order = "quotes_fts.rank"
        else:
            sql_from = ("quotes q JOIN articles a ON a.id = q.article_id "
                        "LEFT JOIN speakers s ON s.id = q.speaker_id")
            snippet = "q.text"
            order = "a.published DESC, a.id DESC, q.start"
        with self.session() as s:
            if q.speaker:
                ids = self._speaker_ids(s, q.speaker)
                if not ids:
                    return []
                where.append(f"q.speaker_id IN ({','.join(str(i) for i in ids)})")
            if q.outlet:
                where.append("lower(a.outlet) LIKE :outlet")
                params["outlet"] = f"%{q.outlet.lower()}%"
            if q.kind:
                where.append("q.kind = :kind")
                params["kind"] = q.kind
            if q.after:
                where.append("a.published >= :after")
                params["after"] = q.after
            if q.before:
                where.append("a.published <= :before")
                params["before"] = q.before
            if q.exclude:
                where.append("q.id NOT IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :exclude)")
                params["exclude"] = q.exclude
            sql = (f"SELECT q.id, a.id, q.text, {snippet}, q.kind, s.name, s.role, a.title, a.outlet, "
                   f"a.published, a.path, q.start, q.end FROM {sql_from} WHERE {' AND '.join(where)} "
                   f"ORDER BY {order} LIMIT :limit")
            try:
                rows = s.execute(text(sql), params).all()
            except OperationalError as exc:
                raise LibraryError(f"search failed: {exc.orig}") from exc
        return [SearchHit(quote_id=r[0], article_id=r[1], text=r[2], snippet=r[3], kind=r[4], speaker=r[5],
                          role=r[6], article_title=r[7], outlet=r[8], published=r[9], path=r[10],
                          start=r[11], end=r[12], rank=float(n)) for n, r in enumerate(rows)]

    def article_ids(self) -> Sequence[int]:
        with self.session() as s:
            return list(s.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))
