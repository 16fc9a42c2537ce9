"""The room: where an element was written, and whether a circle is still private.

Partners write their own circles on their phones; such a circle stays hidden from the
projector until the facilitator reveals it. Every existing circle is revealed and every
existing element was typed at the laptop, which the server defaults say, so the upgrade
is two `ALTER TABLE ADD COLUMN` and touches no row.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("elements", sa.Column("written_on_device", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("circles", sa.Column("revealed", sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("circles") as batch:
        batch.drop_column("revealed")
    with op.batch_alter_table("elements") as batch:
        batch.drop_column("written_on_device")
