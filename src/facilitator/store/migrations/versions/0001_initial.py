"""Initial schema: sessions, partners, guiding principles and app state.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The store takes these fields up to 20,000 characters (store/limits.py). SQLite never held
# them to the declared 500; PostgreSQL would, so there they are plain text.
_LONG_LINE = sa.String(500).with_variant(sa.Text(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", _LONG_LINE, nullable=False),
        sa.Column("date", sa.Date, nullable=True),
        sa.Column("venue", _LONG_LINE, nullable=False),
        sa.Column("facilitator", _LONG_LINE, nullable=False),
        sa.Column("start_time", sa.String(5), nullable=False),
        sa.Column("program_name", sa.String(500), nullable=False),
        sa.Column("program_text", sa.Text, nullable=False),
        sa.Column("current_step_id", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_sessions_updated_at", "sessions", ["updated_at"])
    op.create_table(
        "partners",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("organisation", _LONG_LINE, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("mandate", sa.Text, nullable=False),
        sa.Column("why_now", sa.Text, nullable=False),
        sa.Column("colour", sa.String(7), nullable=False),
    )
    op.create_index("ix_partners_session_id", "partners", ["session_id"])
    op.create_table(
        "principles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_principles_session_id", "principles", ["session_id"])
    op.create_table(
        "app_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("app_state")
    op.drop_table("principles")
    op.drop_table("partners")
    op.drop_table("sessions")
