"""Articles keep their web address (the page's canonical URL, or the address it was fetched from)
beside the file they were read from.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE articles ADD COLUMN url TEXT")


def downgrade() -> None:
    op.execute("ALTER TABLE articles DROP COLUMN url")
