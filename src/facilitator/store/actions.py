"""Reading and writing Delsession 4's next steps.

Part of `Store` (mixed in). Removing an action only hides it, so undo can bring it back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.conversation.next_steps import AREA_IDS, DEFAULT_STATUS, STATUSES, Action
from facilitator.store.fields import ACTION_FIELDS, clean_date
from facilitator.store.models import ActionRow, ActionStatusRow, PartnerRow, SessionRow
from facilitator.store.part import StorePart, invalid, utc_now


def action_record(row: ActionRow) -> Action:
    """The plain record of an action row."""
    return Action(
        id=row.id,
        session_id=row.session_id,
        area=row.area,
        position=row.position,
        what=row.what,
        owner_partner_id=row.owner_partner_id,
        owner_person=row.owner_person,
        with_whom=row.with_whom,
        how_much=row.how_much,
        due=row.due,
        status=row.status,
        uid=row.uid,
        light=row.light,
        status_comment=row.status_comment,
        status_changed_at=row.status_changed_at,
        origin_session_uid=row.origin_session_uid,
    )


def record_status(orm: OrmSession, row: ActionRow, at: dt.datetime, by: str = "") -> None:
    """Append the action's status, light and comment as they are now to its history."""
    row.status_changed_at = at
    orm.add(
        ActionStatusRow(
            action_id=row.id,
            session_id=row.session_id,
            session_uid=orm.get(SessionRow, row.session_id).uid,
            at=at,
            status=row.status,
            light=row.light,
            comment=row.status_comment,
            by=by,
        )
    )


def _check_area(area: str) -> None:
    if area not in AREA_IDS:
        raise ValueError(f"unknown next-steps area {area!r}")


def _clean(field: str, value: object) -> object:
    """A field's value as stored, or a refusal the user can act on."""
    if field in ACTION_FIELDS:
        if not isinstance(value, str):
            raise TypeError(f"{field} must be text")
        return ACTION_FIELDS[field].apply(value)
    if field == "due":
        return clean_date(value)
    if field == "status":
        if value not in STATUSES:
            raise ValueError(f"unknown action status {value!r}")
        return value
    if field == "owner_partner_id":
        if value is not None and not isinstance(value, int):
            raise TypeError("owner_partner_id must be a partner id or None")
        return value
    raise ValueError(f"actions have no field {field!r}")


class ActionStore(StorePart):
    """The next-steps half of `Store`."""

    def actions(self, session_id: int) -> list[Action]:
        """The session's actions, area by area in the template's order, then as the group ordered them."""
        with self._transaction() as orm:
            rows = orm.scalars(
                select(ActionRow).where(ActionRow.session_id == session_id, ActionRow.deleted.is_(False))
            ).all()
            actions = [action_record(row) for row in rows]
        order = {area: index for index, area in enumerate(AREA_IDS)}
        return sorted(actions, key=lambda action: (order.get(action.area, len(order)), action.position, action.id))

    def action(self, action_id: int) -> Action:
        """One visible action; StoreError if it is gone."""
        with self._transaction() as orm:
            return action_record(self._action_row(orm, action_id))

    def _action_row(self, orm: OrmSession, action_id: int, *, deleted: bool = False) -> ActionRow:
        row = orm.get(ActionRow, action_id)
        if row is None or row.deleted != deleted:
            raise invalid(f"Handlingen {action_id} findes ikke.", f"Action {action_id} does not exist.")
        return row

    def _check_owner(self, orm: OrmSession, session_id: int, partner_id: int | None) -> None:
        if partner_id is None:
            return
        partner = orm.get(PartnerRow, partner_id)
        if partner is None or partner.session_id != session_id:
            raise invalid(
                f"Partneren {partner_id} er ikke med i sessionen.", f"Partner {partner_id} is not in the session."
            )

    def add_action(self, session_id: int, area: str, what: str, **fields: object) -> Action:
        """Add an action at the end of an area; the other fields as in `update_action`."""
        _check_area(area)
        values = {name: _clean(name, value) for name, value in {"what": what, **fields}.items()}
        with self._transaction() as orm:
            self._session_row(orm, session_id)
            self._check_owner(orm, session_id, values.get("owner_partner_id"))  # type: ignore[arg-type]
            last = orm.scalar(
                select(func.max(ActionRow.position)).where(ActionRow.session_id == session_id, ActionRow.area == area)
            )
            now = utc_now()
            row = ActionRow(
                session_id=session_id,
                area=area,
                position=0 if last is None else last + 1,
                owner_partner_id=None,
                owner_person="",
                with_whom="",
                how_much="",
                due=None,
                status=DEFAULT_STATUS,
                deleted=False,
                created_at=now,
                updated_at=now,
            )
            for name, value in values.items():
                setattr(row, name, value)
            orm.add(row)
            self._touch(orm, session_id)
            orm.flush()
            return action_record(row)

    def update_action(self, action_id: int, **fields: object) -> Action:
        """Change any of what, owner_partner_id, owner_person, with_whom, how_much, due and status."""
        values = {name: _clean(name, value) for name, value in fields.items()}
        with self._transaction() as orm:
            row = self._action_row(orm, action_id)
            if "owner_partner_id" in values:
                self._check_owner(orm, row.session_id, values["owner_partner_id"])  # type: ignore[arg-type]
            changed = False
            before_status = row.status
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)
                    changed = True
            if changed:
                row.updated_at = utc_now()
                if "status" in values and values["status"] != before_status:
                    # The table's status column is a status change too: the history shows it.
                    record_status(orm, row, row.updated_at)
                self._touch(orm, row.session_id)
            return action_record(row)

    def move_action(self, action_id: int, area: str, index: int) -> Action:
        """Put an action at `index` among the actions of `area` (to another area, or reordered)."""
        _check_area(area)
        with self._transaction() as orm:
            row = self._action_row(orm, action_id)
            siblings = [
                other
                for other in orm.scalars(
                    select(ActionRow)
                    .where(
                        ActionRow.session_id == row.session_id,
                        ActionRow.area == area,
                        ActionRow.deleted.is_(False),
                        ActionRow.id != row.id,
                    )
                    .order_by(ActionRow.position, ActionRow.id)
                )
            ]
            index = max(0, min(index, len(siblings)))
            siblings.insert(index, row)
            row.area = area
            for position, sibling in enumerate(siblings):
                sibling.position = position
            row.updated_at = utc_now()
            self._touch(orm, row.session_id)
            return action_record(row)

    def remove_action(self, action_id: int) -> None:
        """Hide an action; `restore_action` brings it back where it was."""
        with self._transaction() as orm:
            row = self._action_row(orm, action_id)
            row.deleted = True
            row.updated_at = utc_now()
            self._touch(orm, row.session_id)

    def restore_action(self, action_id: int) -> Action:
        """Bring back a removed action with everything it held."""
        with self._transaction() as orm:
            row = self._action_row(orm, action_id, deleted=True)
            row.deleted = False
            row.updated_at = utc_now()
            self._touch(orm, row.session_id)
            return action_record(row)
