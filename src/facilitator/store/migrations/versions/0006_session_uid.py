"""A lasting identity for each session, so a session file can tell that it is already here.

`ALTER TABLE ADD COLUMN` only: rebuilding `sessions` (batch mode) would, with foreign keys
on, cascade the DROP of the old table into every table that belongs to a session.

Revision ID: 0006
Revises: 0005
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite only adds a NOT NULL column with a default; every row gets its own uid at once.
    op.add_column("sessions", sa.Column("uid", sa.String(32), nullable=False, server_default=""))
    connection = op.get_bind()
    ids = connection.execute(sa.text("SELECT id FROM sessions ORDER BY id")).scalars().all()
    for session_id in ids:
        connection.execute(
            sa.text("UPDATE sessions SET uid = :uid WHERE id = :id"), {"uid": uuid.uuid4().hex, "id": session_id}
        )
    op.create_index("ix_sessions_uid", "sessions", ["uid"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_sessions_uid", "sessions")
    op.drop_column("sessions", "uid")
