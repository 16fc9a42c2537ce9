"""Delsession 4: the agreed next steps, each with its owner, effort, due date and status.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("area", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        # A partner removed from the session leaves its actions without an owner, not gone.
        sa.Column("owner_partner_id", sa.Integer, sa.ForeignKey("partners.id", ondelete="SET NULL"), nullable=True),
        sa.Column("owner_person", sa.String(200), nullable=False),
        sa.Column("with_whom", sa.Text, nullable=False),
        sa.Column("how_much", sa.String(200), nullable=False),
        sa.Column("due", sa.Date, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_actions_session_id", "actions", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_actions_session_id", "actions")
    op.drop_table("actions")
