"""Quotes keep what their attribution rests on: the speaker's mention and the cue in the text, and how
sure the engine was of the speaker (1.0 once a person has corrected it).

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = (("speaker_confidence", "FLOAT NOT NULL DEFAULT 1.0"), ("speaker_start", "INTEGER"),
           ("speaker_end", "INTEGER"), ("cue_start", "INTEGER"), ("cue_end", "INTEGER"))


def upgrade() -> None:
    for name, kind in COLUMNS:
        op.execute(f"ALTER TABLE quotes ADD COLUMN {name} {kind}")


def downgrade() -> None:
    for name, _kind in reversed(COLUMNS):
        op.execute(f"ALTER TABLE quotes DROP COLUMN {name}")
