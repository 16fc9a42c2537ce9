"""Running the day: the facilitator's step plans and notes, timer events, planning checklist.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "step_plans",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("step_id", sa.String(64), primary_key=True),
        sa.Column("minutes", sa.Integer, nullable=True),
        sa.Column("skipped", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("after_id", sa.String(64), nullable=True),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_table(
        "timer_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("step_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("elapsed", sa.Float, nullable=False),
        sa.Column("amount", sa.Float, nullable=False, server_default="0"),
    )
    op.create_index("ix_timer_events_session_id", "timer_events", ["session_id"])
    op.create_table(
        "checklist",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_id", sa.String(64), primary_key=True),
        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )


def downgrade() -> None:
    op.drop_table("checklist")
    op.drop_index("ix_timer_events_session_id", "timer_events")
    op.drop_table("timer_events")
    op.drop_table("step_plans")
