"""The first release's schema: quotes keep their own text; FTS5 over quotes.text kept by triggers.

Revision ID: 0001
Revises:
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE articles (
        id INTEGER NOT NULL PRIMARY KEY, sha256 VARCHAR(64) NOT NULL, path TEXT, title TEXT, outlet TEXT,
        author TEXT, published VARCHAR(32), added DATETIME NOT NULL, text TEXT NOT NULL, model VARCHAR(64),
        engine_version VARCHAR(16))""",
    "CREATE UNIQUE INDEX ix_articles_sha256 ON articles (sha256)",
    "CREATE INDEX ix_articles_outlet ON articles (outlet)",
    "CREATE INDEX ix_articles_published ON articles (published)",
    """CREATE TABLE speakers (
        id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT, affiliation TEXT,
        kind VARCHAR(16) NOT NULL)""",
    """CREATE TABLE speaker_aliases (
        id INTEGER NOT NULL PRIMARY KEY,
        speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
        alias TEXT NOT NULL, UNIQUE (speaker_id, alias))""",
    "CREATE INDEX ix_speaker_aliases_speaker_id ON speaker_aliases (speaker_id)",
    "CREATE INDEX ix_speaker_aliases_alias ON speaker_aliases (alias)",
    """CREATE TABLE sources (
        id INTEGER NOT NULL PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type VARCHAR(16) NOT NULL)""",
    "CREATE INDEX ix_sources_article_id ON sources (article_id)",
]
# The quotes table with its own text and the triggers that keep FTS5 in step (0002 replaces them).
QUOTE_STATEMENTS = [
    """CREATE TABLE quotes (
        id INTEGER NOT NULL PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        speaker_id INTEGER REFERENCES speakers (id) ON DELETE SET NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, kind VARCHAR(16) NOT NULL,
        cue TEXT, confidence FLOAT NOT NULL, edited BOOLEAN NOT NULL, rejected BOOLEAN NOT NULL)""",
    "CREATE INDEX ix_quotes_article_id ON quotes (article_id)",
    "CREATE INDEX ix_quotes_speaker ON quotes (speaker_id, article_id)",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5("
    "text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
]


def postgresql(sql: str) -> str:
    """The same table for PostgreSQL: ids from sequences, times with their zone."""
    return sql.replace("id INTEGER NOT NULL PRIMARY KEY", "id SERIAL PRIMARY KEY").replace("DATETIME", "TIMESTAMPTZ")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # PostgreSQL's full-text index arrives with 0002 (a tsvector column): no FTS5 table, no triggers
        for sql in STATEMENTS + QUOTE_STATEMENTS[:3]:
            op.execute(postgresql(sql))
        return
    for sql in STATEMENTS + QUOTE_STATEMENTS:
        op.execute(sql)


def downgrade() -> None:
    for name in ("quotes_fts", "sources", "quotes", "speaker_aliases", "speakers", "articles"):
        op.execute(f"DROP TABLE IF EXISTS {name}")
