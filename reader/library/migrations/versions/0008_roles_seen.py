"""Speakers keep every role the articles gave them (one per line), not only the one chosen to show.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE speakers ADD COLUMN roles TEXT")
    op.execute("UPDATE speakers SET roles = role WHERE role IS NOT NULL")


def downgrade() -> None:
    op.execute("ALTER TABLE speakers DROP COLUMN roles")
