"""Follow-up meetings: partnerships of sessions, and each action's status light and its history.

A follow-up carries an unfinished action into the next session with its uid, so the same
action (one calendar event, one line of the action log) lives in several sessions: the uid
is now unique per session, not in the whole file. `origin_session_uid` names the session
the action was first agreed in ("": this one), so its calendar UID stays the first one's.

New tables and `ADD COLUMN` only, so SQLite never rebuilds `actions` or `sessions` (with
foreign keys on, dropping the old table would cascade), and PostgreSQL runs it as written.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partnerships",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_partnerships_uid", "partnerships", ["uid"], unique=True)
    op.create_table(
        "partnership_sessions",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("partnership_id", sa.Integer, sa.ForeignKey("partnerships.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_partnership_sessions_partnership_id", "partnership_sessions", ["partnership_id"])

    op.add_column("actions", sa.Column("light", sa.String(8), nullable=True))
    op.add_column("actions", sa.Column("status_comment", sa.Text, nullable=False, server_default=""))
    op.add_column("actions", sa.Column("status_changed_at", sa.DateTime, nullable=True))
    op.add_column("actions", sa.Column("origin_session_uid", sa.String(32), nullable=False, server_default=""))
    op.drop_index("ix_actions_uid", "actions")
    op.create_index("ix_actions_uid", "actions", ["uid"])
    op.create_index("ix_actions_session_uid", "actions", ["session_id", "uid"], unique=True)

    op.create_table(
        "action_status_history",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("action_id", sa.Integer, sa.ForeignKey("actions.id", ondelete="CASCADE"), nullable=False, index=True),
        # The session the change was made in; kept (as NULL) when that session is deleted.
        sa.Column("session_id", sa.Integer, sa.ForeignKey("sessions.id", ondelete="SET NULL"), nullable=True),
        # ...and its uid, kept when the session is not (or not yet) in this database.
        sa.Column("session_uid", sa.String(32), nullable=False, server_default=""),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("light", sa.String(8), nullable=True),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("by", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("action_status_history")
    op.drop_index("ix_actions_session_uid", "actions")
    op.drop_index("ix_actions_uid", "actions")
    op.create_index("ix_actions_uid", "actions", ["uid"], unique=True)
    with op.batch_alter_table("actions") as batch:
        batch.drop_column("origin_session_uid")
        batch.drop_column("status_changed_at")
        batch.drop_column("status_comment")
        batch.drop_column("light")
    op.drop_index("ix_partnership_sessions_partnership_id", "partnership_sessions")
    op.drop_table("partnership_sessions")
    op.drop_index("ix_partnerships_uid", "partnerships")
    op.drop_table("partnerships")
