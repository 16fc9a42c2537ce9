"""The team archive's secretariat's view: each action copy knows whether a later meeting carried it on.

A follow-up carries an unfinished action into the next meeting with its uid, so the archive
holds several copies of it; the secretariat's view lists only the latest (by the meeting's
date, then the latest pushed). Finding that at query time (a NOT EXISTS over every copy)
was a third of the view's time at 10,000 sessions, so the archive now keeps the answer,
`actions.superseded`, and sets it in the same transaction as each push
(`store/archive.py`). On a laptop the column is always false and unused.

An archive migrated here gets the flag computed once for what it holds. `ADD COLUMN` only:
SQLite never rebuilds `actions`.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

#: The same test the archive runs after each push (`store/archive.py`, `_SUPERSEDED`), for every action.
_MARK_EVERY_COPY = """
UPDATE actions AS a SET superseded = EXISTS (
    SELECT 1 FROM actions AS o
    JOIN sessions AS so ON so.id = o.session_id
    JOIN archive_sessions AS eo ON eo.session_id = o.session_id
    WHERE o.uid = a.uid AND o.id <> a.id AND NOT o.deleted
      AND (COALESCE(so.date, DATE '0001-01-01'), eo.pushed_at) > (COALESCE(s.date, DATE '0001-01-01'), e.pushed_at)
)
FROM sessions AS s, archive_sessions AS e
WHERE s.id = a.session_id AND e.session_id = a.session_id
"""


def upgrade() -> None:
    op.add_column("actions", sa.Column("superseded", sa.Boolean, nullable=False, server_default=sa.false()))
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" and sa.inspect(bind).has_table("archive_sessions"):
        op.execute(_MARK_EVERY_COPY)


def downgrade() -> None:
    with op.batch_alter_table("actions") as batch:
        batch.drop_column("superseded")
