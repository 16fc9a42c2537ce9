"""The sorting board: where each post-it sits, its stacking, and named clusters.

New tables only: rebuilding `elements` to add columns would, with foreign keys on, cascade
a DROP into the tables that point at it.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "board_clusters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
    )
    op.create_index("ix_board_clusters_session_id", "board_clusters", ["session_id"])
    op.create_table(
        "board_notes",
        sa.Column("element_id", sa.Integer, sa.ForeignKey("elements.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("x", sa.Float, nullable=True),
        sa.Column("y", sa.Float, nullable=True),
        sa.Column("z", sa.Integer, nullable=False),
        sa.Column("cluster_id", sa.Integer, sa.ForeignKey("board_clusters.id", ondelete="SET NULL"), nullable=True),
        sa.Column("merged_into", sa.Integer, sa.ForeignKey("elements.id", ondelete="SET NULL"), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("board_notes")
    op.drop_index("ix_board_clusters_session_id", "board_clusters")
    op.drop_table("board_clusters")
