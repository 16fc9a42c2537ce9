"""A lasting identity for each action, so its calendar event is the same on every laptop.

The calendar's UID was built from database row ids: two sessions on two laptops gave the
same UIDs, and one session moved to another laptop gave new ones, so calendars doubled or
overwrote events. Like `sessions.uid` (0006), every existing row gets its own at once,
with `ALTER TABLE ADD COLUMN` only.

Revision ID: 0007
Revises: 0006
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("actions", sa.Column("uid", sa.String(32), nullable=False, server_default=""))
    connection = op.get_bind()
    ids = connection.execute(sa.text("SELECT id FROM actions ORDER BY id")).scalars().all()
    for action_id in ids:
        connection.execute(
            sa.text("UPDATE actions SET uid = :uid WHERE id = :id"), {"uid": uuid.uuid4().hex, "id": action_id}
        )
    op.create_index("ix_actions_uid", "actions", ["uid"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_actions_uid", "actions")
    op.drop_column("actions", "uid")
