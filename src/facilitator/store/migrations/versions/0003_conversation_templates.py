"""Conversation templates: the partners' circles and elements, value forms, joint forms.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "circles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("partner_id", sa.Integer, sa.ForeignKey("partners.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_circles_session_id", "circles", ["session_id"])
    op.create_index("ix_circles_partner_id", "circles", ["partner_id"])
    op.create_table(
        "elements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("circle_id", sa.Integer, sa.ForeignKey("circles.id", ondelete="CASCADE"), nullable=True),
        sa.Column("partner_id", sa.Integer, sa.ForeignKey("partners.id", ondelete="CASCADE"), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("field", sa.String(32), nullable=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("category", sa.String(64), nullable=True),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_elements_session_id", "elements", ["session_id"])
    op.create_index("ix_elements_circle_id", "elements", ["circle_id"])
    op.create_table(
        "element_values",
        sa.Column("element_id", sa.Integer, sa.ForeignKey("elements.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("value_form", sa.String(16), primary_key=True),
    )
    op.create_table(
        "form_texts",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("form", sa.String(32), primary_key=True),
        sa.Column("field", sa.String(32), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "form_sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("form", sa.String(32), nullable=False),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("element_id", sa.Integer, sa.ForeignKey("elements.id", ondelete="SET NULL"), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_form_sources_session_id", "form_sources", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_form_sources_session_id", "form_sources")
    op.drop_table("form_sources")
    op.drop_table("form_texts")
    op.drop_table("element_values")
    op.drop_index("ix_elements_circle_id", "elements")
    op.drop_index("ix_elements_session_id", "elements")
    op.drop_table("elements")
    op.drop_index("ix_circles_partner_id", "circles")
    op.drop_index("ix_circles_session_id", "circles")
    op.drop_table("circles")
