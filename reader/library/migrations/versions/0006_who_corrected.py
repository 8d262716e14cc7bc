"""Corrections say who made them and when (several people share a library on a server).

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    stamp = "TIMESTAMPTZ" if op.get_bind().dialect.name == "postgresql" else "DATETIME"
    op.execute("ALTER TABLE quotes ADD COLUMN edited_by TEXT")
    op.execute(f"ALTER TABLE quotes ADD COLUMN edited_at {stamp}")


def downgrade() -> None:
    op.execute("ALTER TABLE quotes DROP COLUMN edited_at")
    op.execute("ALTER TABLE quotes DROP COLUMN edited_by")
