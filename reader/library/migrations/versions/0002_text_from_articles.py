"""Quote text comes from the article by offsets; FTS5 reads it through a view; case-blind name indexes.

Storing every quote's text twice (in the quote and in its article) made a million-quote library
about 150 MB larger. The FTS index now has the view `quote_text` as external content and is kept in
step by the Library (bulk loads rebuild it once), not by row triggers.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade_postgresql() -> None:
    """Quote text goes (it is the article's, by offsets); words go into a tsvector column with a GIN
    index, cut and folded as FTS5 does (reader.library.fulltext)."""
    from reader.library.fulltext import tsvector
    from reader.library.migrations.steps import add_filled_column

    add_filled_column("quotes", "terms", "tsvector", "text", tsvector, cast="tsvector")
    for sql in (
        "ALTER TABLE quotes DROP COLUMN text",
        "ALTER TABLE quotes ALTER COLUMN confidence SET DEFAULT 1.0",
        "ALTER TABLE quotes ALTER COLUMN edited SET DEFAULT false",
        "ALTER TABLE quotes ALTER COLUMN rejected SET DEFAULT false",
        "DROP INDEX IF EXISTS ix_quotes_speaker",
        "CREATE INDEX ix_quotes_speaker ON quotes (speaker_id, id)",
        "CREATE INDEX ix_quotes_terms ON quotes USING gin (terms)",
        "CREATE INDEX ix_speakers_name_nocase ON speakers (lower(name))",
        "CREATE INDEX ix_speaker_aliases_alias_nocase ON speaker_aliases (lower(alias))",
        "CREATE INDEX ix_articles_outlet_nocase ON articles (lower(outlet))",
    ):
        op.execute(sql)


def downgrade_postgresql() -> None:
    bind = op.get_bind()
    for sql in ("DROP INDEX IF EXISTS ix_quotes_terms", "DROP INDEX IF EXISTS ix_speakers_name_nocase",
                "DROP INDEX IF EXISTS ix_speaker_aliases_alias_nocase", "DROP INDEX IF EXISTS ix_articles_outlet_nocase",
                "ALTER TABLE quotes ADD COLUMN text TEXT NOT NULL DEFAULT ''",
                """UPDATE quotes q SET text = substr(a.text, q.start + 1, q."end" - q.start)
                   FROM articles a WHERE a.id = q.article_id""",
                "ALTER TABLE quotes DROP COLUMN terms"):
        bind.exec_driver_sql(sql)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        upgrade_postgresql()
        return
    for sql in (
        "DROP TRIGGER IF EXISTS quotes_ai",
        "DROP TRIGGER IF EXISTS quotes_ad",
        "DROP TRIGGER IF EXISTS quotes_au",
        "DROP TABLE IF EXISTS quotes_fts",
        """CREATE TABLE quotes_new (
            id INTEGER NOT NULL PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            speaker_id INTEGER REFERENCES speakers (id) ON DELETE SET NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind VARCHAR(16) NOT NULL, cue TEXT,
            confidence FLOAT NOT NULL DEFAULT 1.0, edited BOOLEAN NOT NULL DEFAULT 0,
            rejected BOOLEAN NOT NULL DEFAULT 0)""",
        """INSERT INTO quotes_new (id, article_id, speaker_id, start, "end", kind, cue, confidence, edited, rejected)
           SELECT id, article_id, speaker_id, start, "end", kind, cue, confidence, edited, rejected FROM quotes""",
        "DROP TABLE quotes",
        "ALTER TABLE quotes_new RENAME TO quotes",
        "CREATE INDEX ix_quotes_article_id ON quotes (article_id)",
        "CREATE INDEX ix_quotes_speaker ON quotes (speaker_id, id)",
        "CREATE INDEX ix_speakers_name_nocase ON speakers (name COLLATE NOCASE)",
        "CREATE INDEX ix_speaker_aliases_alias_nocase ON speaker_aliases (alias COLLATE NOCASE)",
        "CREATE INDEX ix_articles_outlet_nocase ON articles (outlet COLLATE NOCASE)",
        """CREATE VIEW quote_text (id, text) AS
           SELECT q.id, substr(a.text, q.start + 1, q."end" - q.start)
           FROM quotes q JOIN articles a ON a.id = q.article_id""",
        "CREATE VIRTUAL TABLE quotes_fts USING fts5("
        "text, content='quote_text', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
    ):
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        downgrade_postgresql()
        return
    from importlib import import_module

    first = import_module("reader.library.migrations.versions.0001_initial")
    for sql in (
        "DROP TABLE IF EXISTS quotes_fts",
        "DROP VIEW IF EXISTS quote_text",
        "DROP INDEX IF EXISTS ix_speakers_name_nocase",
        "DROP INDEX IF EXISTS ix_speaker_aliases_alias_nocase",
        "DROP INDEX IF EXISTS ix_articles_outlet_nocase",
        "ALTER TABLE quotes RENAME TO quotes_v2",
        "DROP INDEX IF EXISTS ix_quotes_article_id",
        "DROP INDEX IF EXISTS ix_quotes_speaker",
    ):
        op.execute(sql)
    for sql in first.QUOTE_STATEMENTS:
        op.execute(sql)
    op.execute("""INSERT INTO quotes (id, article_id, speaker_id, start, "end", text, kind, cue, confidence, edited,
                  rejected)
                  SELECT q.id, q.article_id, q.speaker_id, q.start, q."end",
                         substr(a.text, q.start + 1, q."end" - q.start), q.kind, q.cue, q.confidence, q.edited,
                         q.rejected
                  FROM quotes_v2 q JOIN articles a ON a.id = q.article_id""")
    op.execute("DROP TABLE quotes_v2")
