"""Articles keep their counts (quotes, speakers, quotes by named speakers), so that the library view can
list and sort 100,000 articles without counting a million quotes each time; indexes for its sorting.

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COUNTS = ("quote_count", "speaker_count", "named_count")
INDEXES = {"ix_articles_added": "added", "ix_articles_title": "title", "ix_articles_author": "author",
           "ix_articles_quote_count": "quote_count", "ix_articles_speaker_count": "speaker_count"}
RECOUNT = """UPDATE articles SET
    quote_count = (SELECT count(*) FROM quotes q WHERE q.article_id = articles.id AND NOT q.rejected),
    speaker_count = (SELECT count(DISTINCT q.speaker_id) FROM quotes q
                     WHERE q.article_id = articles.id AND NOT q.rejected),
    named_count = (SELECT count(*) FROM quotes q JOIN speakers s ON s.id = q.speaker_id
                   WHERE q.article_id = articles.id AND NOT q.rejected AND s.kind <> 'anonymous')"""


def upgrade() -> None:
    for name in COUNTS:
        op.execute(f"ALTER TABLE articles ADD COLUMN {name} INTEGER NOT NULL DEFAULT 0")
    op.execute(RECOUNT)
    for index, column in INDEXES.items():
        op.execute(f"CREATE INDEX {index} ON articles ({column})")


def downgrade() -> None:
    for index in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {index}")
    for name in reversed(COUNTS):
        op.execute(f"ALTER TABLE articles DROP COLUMN {name}")
