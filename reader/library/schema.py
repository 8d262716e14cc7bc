"""SQLAlchemy 2 declarative models of the quote library.

The tables themselves are created and changed only by the Alembic migrations in
``reader/library/migrations``; these classes map them. A quote's text is not stored twice: it is
the slice of its article's text between its offsets (the ``quote_text`` view), which the FTS5 index
``quotes_fts`` reads as external content.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from reader.library.textcodec import unpack
from reader.model import SpeakerKind


def _now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(32), index=True)
    added: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    body: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed text (textcodec)
    model: Mapped[str | None] = mapped_column(String(64))
    engine_version: Mapped[str | None] = mapped_column(String(16))
    # kept by the Library as quotes are stored and corrected (for listing and sorting many articles)
    quote_count: Mapped[int] = mapped_column(Integer, default=0)
    speaker_count: Mapped[int] = mapped_column(Integer, default=0)
    named_count: Mapped[int] = mapped_column(Integer, default=0)
    quotes: Mapped[list[QuoteRow]] = relationship(back_populates="article", cascade="all, delete-orphan",
                                                  passive_deletes=True)
    sources: Mapped[list[SourceRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True)

    @property
    def text(self) -> str:
        return unpack(self.body)


class SpeakerRow(Base):
    __tablename__ = "speakers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    role: Mapped[str | None] = mapped_column(Text)
    affiliation: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default=SpeakerKind.PERSON.value)
    roles: Mapped[str | None] = mapped_column(Text)  # every role seen, one per line
    aliases: Mapped[list[AliasRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class AliasRow(Base):
    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "alias"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text, index=True)


class QuoteRow(Base):
    __tablename__ = "quotes"
    __table_args__ = (Index("ix_quotes_speaker", "speaker_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    cue: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    speaker_confidence: Mapped[float] = mapped_column(Float, default=1.0)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    # a person said "not a quote": kept as a tombstone so that re-analysis does not bring it back
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)
    edited_by: Mapped[str | None] = mapped_column(Text)  # who made the last correction, and when
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    article: Mapped[ArticleRow] = relationship(back_populates="quotes")
    speaker: Mapped[SpeakerRow | None] = relationship()


class SourceRow(Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
