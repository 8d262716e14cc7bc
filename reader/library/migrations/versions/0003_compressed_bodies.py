"""Article bodies stored compressed (articles.body, zlib); the text column goes.

A million-quote library keeps its articles' text, which is most of its size; compressed it takes
about a third. SQL sees the text through qr_inflate(), registered on every connection.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

VIEW = """CREATE VIEW quote_text (id, text) AS
          SELECT q.id, substr(qr_inflate(a.body), q.start + 1, q."end" - q.start)
          FROM quotes q JOIN articles a ON a.id = q.article_id"""


def upgrade_postgresql() -> None:
    """The same zlib bodies as in a file (PostgreSQL cannot inflate them: the client does, as on SQLite)."""
    from reader.library.migrations.steps import add_filled_column
    from reader.library.textcodec import pack

    add_filled_column("articles", "body", "BYTEA", "text", pack)
    op.execute("ALTER TABLE articles DROP COLUMN text")
    op.execute("DROP INDEX IF EXISTS ix_articles_outlet")


def downgrade_postgresql() -> None:
    from reader.library.migrations.steps import add_filled_column
    from reader.library.textcodec import unpack

    add_filled_column("articles", "text", "TEXT NOT NULL DEFAULT ''", "body", lambda b: unpack(bytes(b)))
    op.execute("ALTER TABLE articles DROP COLUMN body")
    op.execute("CREATE INDEX ix_articles_outlet ON articles (outlet)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        upgrade_postgresql()
        return
    for sql in (
        "DROP VIEW IF EXISTS quote_text",
        "ALTER TABLE articles ADD COLUMN body BLOB",
        "UPDATE articles SET body = qr_deflate(text)",
        "ALTER TABLE articles DROP COLUMN text",
        "DROP INDEX IF EXISTS ix_articles_outlet",
        VIEW,
    ):
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        downgrade_postgresql()
        return
    for sql in (
        "DROP VIEW IF EXISTS quote_text",
        "ALTER TABLE articles ADD COLUMN text TEXT NOT NULL DEFAULT ''",
        "UPDATE articles SET text = qr_inflate(body)",
        "ALTER TABLE articles DROP COLUMN body",
        "CREATE INDEX ix_articles_outlet ON articles (outlet)",
        """CREATE VIEW quote_text (id, text) AS
           SELECT q.id, substr(a.text, q.start + 1, q."end" - q.start)
           FROM quotes q JOIN articles a ON a.id = q.article_id""",
    ):
        op.execute(sql)
