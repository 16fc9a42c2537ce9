"""Follow-up meetings: partnerships of sessions, the next meeting, and how far each action has come.

Part of `Store` (mixed in). A follow-up is a new session of the same partnership: it carries
what the partners agreed (partners, principles, the joint texts, every action not done or
dropped, with its uid and its history) and leaves the day's work behind (circles, boards,
timers, notes): a new day. The action log reads the partnership's sessions as one list.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from facilitator.conversation.action_status import ActionStatusEntry, check_light, is_overdue
from facilitator.conversation.next_steps import AREA_IDS, CLOSED_STATUSES, STATUSES, Action, owner_label
from facilitator.program import load_program_text
from facilitator.store.actions import action_record, record_status
from facilitator.store.fields import FIELD_RULES, PARTNERSHIP_NAME, STATUS_BY, STATUS_COMMENT, TextRule, partner_key
from facilitator.store.limits import MAX_TEXT_LENGTH
from facilitator.store.models import (
    ActionRow,
    ActionStatusRow,
    FormTextRow,
    PartnerRow,
    PartnershipRow,
    PartnershipSessionRow,
    PrincipleRow,
    SessionRow,
)
from facilitator.store.part import StorePart, invalid, utc_now
from facilitator.store.records import ActionLogEntry, PartnershipData, SessionData


def _entry(row: ActionStatusRow) -> ActionStatusEntry:
    return ActionStatusEntry(row.at, row.status, row.light, row.comment, row.by, row.session_id)


def _session_data(row: SessionRow) -> SessionData:
    return SessionData(
        id=row.id,
        title=row.title,
        date=row.date,
        venue=row.venue,
        facilitator=row.facilitator,
        start_time=row.start_time,
        program_name=row.program_name,
        program_text=row.program_text,
        current_step_id=row.current_step_id,
    )


_TITLE_LIMIT = MAX_TEXT_LENGTH


def _clean_title(title: str) -> str:
    rule = FIELD_RULES["title"]
    assert isinstance(rule, TextRule)
    if not isinstance(title, str):
        raise TypeError("title must be text")
    return rule.apply(title)


class FollowupStore(StorePart):
    """The follow-up half of `Store`: partnerships, follow-ups, action statuses and the action log."""

    # Status, light and comment --------------------------------------------------------

    def set_action_status(
        self,
        action_id: int,
        *,
        status: str | None = None,
        light: str | None = None,
        comment: str | None = None,
        by: str = "",
        now: dt.datetime | None = None,
    ) -> Action:
        """Set what the partners say about an action; None leaves a part as it is ("" clears the light).

        Every call that changes something appends the new state to the action's history
        (who said it, when, in which session). Undo: `restore_action_status`.
        """
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown action status {status!r}")
        new_light = check_light(light) if light is not None else None
        cleaned = STATUS_COMMENT.apply(comment) if comment is not None else None
        speaker = STATUS_BY.apply(by)
        at = (now.astimezone(dt.UTC).replace(tzinfo=None) if now and now.tzinfo else now) or utc_now()
        with self._transaction() as orm:
            row = self._visible_action(orm, action_id)
            before = (row.status, row.light, row.status_comment)
            if status is not None:
                row.status = status
            if light is not None:
                row.light = new_light
            if cleaned is not None:
                row.status_comment = cleaned
            if (row.status, row.light, row.status_comment) != before:
                record_status(orm, row, at, speaker)
                row.updated_at = at
                self._touch(orm, row.session_id)
            return action_record(row)

    def action_history(self, action_id: int) -> list[ActionStatusEntry]:
        """Every status the action has had, oldest first, from every session it was carried through."""
        with self._transaction() as orm:
            rows = orm.scalars(
                select(ActionStatusRow)
                .where(ActionStatusRow.action_id == action_id)
                .order_by(ActionStatusRow.at, ActionStatusRow.id)
            ).all()
            return [_entry(row) for row in rows]

    def restore_action_status(self, action: Action, history_length: int) -> Action:
        """Undo of `set_action_status`: the status, light and comment of `action` (the record taken
        before the change) again, and the history cut back to its first `history_length` entries."""
        with self._transaction() as orm:
            row = self._visible_action(orm, action.id)
            row.status = action.status
            row.light = action.light
            row.status_comment = action.status_comment
            row.status_changed_at = action.status_changed_at
            entries = orm.scalars(
                select(ActionStatusRow)
                .where(ActionStatusRow.action_id == action.id)
                .order_by(ActionStatusRow.at, ActionStatusRow.id)
            ).all()
            for entry in entries[max(0, history_length) :]:
                orm.delete(entry)
            row.updated_at = utc_now()
            self._touch(orm, row.session_id)
            return action_record(row)

    def _visible_action(self, orm: OrmSession, action_id: int) -> ActionRow:
        row = orm.get(ActionRow, action_id)
        if row is None or row.deleted:
            raise invalid(f"Handlingen {action_id} findes ikke.", f"Action {action_id} does not exist.")
        return row

    # Partnerships -----------------------------------------------------------------------

    def partnerships(self) -> list[PartnershipData]:
        """Every partnership with at least one session, by name."""
        with self._transaction() as orm:
            rows = orm.scalars(select(PartnershipRow).order_by(PartnershipRow.name, PartnershipRow.id)).all()
            found = [self._partnership_data(orm, row) for row in rows]
        return [partnership for partnership in found if partnership.session_ids]

    def partnership(self, partnership_id: int) -> PartnershipData:
        """One partnership; StoreError if there is none with this id."""
        with self._transaction() as orm:
            return self._partnership_data(orm, self._partnership_row(orm, partnership_id))

    def partnership_of(self, session_id: int) -> PartnershipData | None:
        """The partnership the session belongs to, or None."""
        with self._transaction() as orm:
            place = orm.get(PartnershipSessionRow, session_id)
            if place is None:
                return None
            return self._partnership_data(orm, self._partnership_row(orm, place.partnership_id))

    def set_partnership(self, session_id: int, name: str) -> PartnershipData | None:
        """Put the session into the partnership called `name` (made if there is none), last in its order.

        The same name in another case is the same partnership. "" takes the session out of
        its partnership; returns None then.
        """
        cleaned = PARTNERSHIP_NAME.clean(name) if isinstance(name, str) else name
        if not cleaned:
            with self._transaction() as orm:
                self._session_row(orm, session_id)
                place = orm.get(PartnershipSessionRow, session_id)
                if place is not None:
                    orm.delete(place)
                    orm.flush()
                    self._drop_empty_partnerships(orm)
                self._touch(orm, session_id)
            return None
        cleaned = PARTNERSHIP_NAME.apply(cleaned)
        with self._transaction() as orm:
            self._session_row(orm, session_id)
            row = self._partnership_named(orm, cleaned)
            if row is None:
                row = PartnershipRow(name=cleaned, created_at=utc_now())
                orm.add(row)
                orm.flush()
            self._join(orm, row, session_id)
            self._drop_empty_partnerships(orm)
            self._touch(orm, session_id)
            return self._partnership_data(orm, row)

    def rename_partnership(self, partnership_id: int, name: str) -> PartnershipData:
        """Give the partnership another name; refused if another partnership has it."""
        cleaned = PARTNERSHIP_NAME.apply(name)
        with self._transaction() as orm:
            row = self._partnership_row(orm, partnership_id)
            other = self._partnership_named(orm, cleaned)
            if other is not None and other.id != row.id:
                raise invalid(
                    f"Der er allerede et partnerskab, der hedder »{cleaned}«.",
                    f"There is already a partnership called “{cleaned}”.",
                )
            row.name = cleaned
            return self._partnership_data(orm, row)

    def _partnership_row(self, orm: OrmSession, partnership_id: int) -> PartnershipRow:
        row = orm.get(PartnershipRow, partnership_id)
        if row is None:
            raise invalid(
                f"Partnerskabet {partnership_id} findes ikke.", f"Partnership {partnership_id} does not exist."
            )
        return row

    def _partnership_named(self, orm: OrmSession, name: str) -> PartnershipRow | None:
        wanted = name.casefold()
        for row in orm.scalars(select(PartnershipRow).order_by(PartnershipRow.id)):
            if row.name.casefold() == wanted:
                return row
        return None

    def _join(self, orm: OrmSession, partnership: PartnershipRow, session_id: int) -> None:
        place = orm.get(PartnershipSessionRow, session_id)
        if place is not None and place.partnership_id == partnership.id:
            return
        last = orm.scalar(
            select(func.max(PartnershipSessionRow.position)).where(
                PartnershipSessionRow.partnership_id == partnership.id
            )
        )
        position = 0 if last is None else last + 1
        if place is None:
            orm.add(PartnershipSessionRow(session_id=session_id, partnership_id=partnership.id, position=position))
        else:
            place.partnership_id, place.position = partnership.id, position
        orm.flush()

    def _drop_empty_partnerships(self, orm: OrmSession) -> None:
        used = select(PartnershipSessionRow.partnership_id)
        for row in orm.scalars(select(PartnershipRow).where(PartnershipRow.id.not_in(used))):
            orm.delete(row)

    def _partnership_data(self, orm: OrmSession, row: PartnershipRow) -> PartnershipData:
        ids = orm.scalars(
            select(PartnershipSessionRow.session_id)
            .where(PartnershipSessionRow.partnership_id == row.id)
            .order_by(PartnershipSessionRow.position, PartnershipSessionRow.session_id)
        ).all()
        return PartnershipData(id=row.id, name=row.name, session_ids=tuple(ids))

    def previous_session(self, session_id: int) -> int | None:
        """The partnership's meeting before this one, or None (the first, or in no partnership)."""
        partnership = self.partnership_of(session_id)
        if partnership is None:
            return None
        index = partnership.session_ids.index(session_id)
        return partnership.session_ids[index - 1] if index > 0 else None

    def status_before(self, session_id: int) -> dict[str, ActionStatusEntry | None]:
        """Each action's status as the last meeting left it, by action uid (None: new at this meeting).

        Read from the partnership's previous session; where that is gone (deleted, or this
        session came alone in a file), from the last of the action's history said elsewhere.
        """
        previous = self.previous_session(session_id)
        with self._transaction() as orm:
            rows = orm.scalars(
                select(ActionRow).where(ActionRow.session_id == session_id, ActionRow.deleted.is_(False))
            ).all()
            earlier: dict[str, ActionRow] = {}
            if previous is not None:
                earlier = {
                    row.uid: row
                    for row in orm.scalars(
                        select(ActionRow).where(ActionRow.session_id == previous, ActionRow.deleted.is_(False))
                    )
                }
            result: dict[str, ActionStatusEntry | None] = {}
            for row in rows:
                old = earlier.get(row.uid)
                if old is not None:
                    result[row.uid] = ActionStatusEntry(
                        old.status_changed_at or old.updated_at,
                        old.status,
                        old.light,
                        old.status_comment,
                        "",
                        old.session_id,
                    )
                    continue
                said_elsewhere = orm.scalars(
                    select(ActionStatusRow)
                    .where(ActionStatusRow.action_id == row.id)
                    .where((ActionStatusRow.session_id != session_id) | ActionStatusRow.session_id.is_(None))
                    .order_by(ActionStatusRow.at.desc(), ActionStatusRow.id.desc())
                ).first()
                result[row.uid] = _entry(said_elsewhere) if said_elsewhere is not None else None
            return result

    # Follow-ups -------------------------------------------------------------------------

    def followup_title(self, session_id: int) -> str:
        """A title for the next meeting: "Kystpartnerskab Vesterhavsbugten – 2. møde"."""
        partnership = self.partnership_of(session_id)
        if partnership is None:
            base, number = self.get_session(session_id).title, 2
        else:
            base, number = partnership.name, len(partnership.session_ids) + 1
        suffix = f" – {number}. møde"
        return base[: _TITLE_LIMIT - len(suffix)].rstrip() + suffix

    def create_followup(
        self, session_id: int, *, program_name: str, program_text: str, date: dt.date | None, title: str
    ) -> SessionData:
        """The partnership's next meeting after `session_id`, running the program given as text.

        Carried: the partners (roles, mandates, colours), the guiding principles, every joint
        text (the ambition, the agreement sketches, the decision rule), and each action not
        done or dropped with its uid, owner, due date, light and history. Not carried: the
        circles, the boards, the day plan, timers, notes and checklist: a new day. The two
        sessions join one partnership (named after the first session if it had none).
        """
        program = load_program_text(program_text, program_name or "<session>")
        cleaned_title = _clean_title(title)
        if date is not None and not isinstance(date, dt.date):
            raise TypeError("date must be a date or None")
        now = utc_now()
        with self._transaction() as orm:
            source = self._session_row(orm, session_id)
            new = SessionRow(
                title=cleaned_title,
                date=date,
                venue=source.venue,
                facilitator=source.facilitator,
                start_time=source.start_time,
                program_name=program.source_name,
                program_text=program.source_text,
                current_step_id=next(iter(program.step_ids()), None),
                created_at=now,
                updated_at=now,
            )
            orm.add(new)
            orm.flush()
            partners = orm.scalars(
                select(PartnerRow).where(PartnerRow.session_id == session_id).order_by(PartnerRow.position)
            ).all()
            partner_ids: dict[int, int] = {}
            for partner in partners:
                copy = PartnerRow(
                    session_id=new.id,
                    position=partner.position,
                    name=partner.name,
                    organisation=partner.organisation,
                    role=partner.role,
                    mandate=partner.mandate,
                    why_now=partner.why_now,
                    colour=partner.colour,
                )
                orm.add(copy)
                orm.flush()
                partner_ids[partner.id] = copy.id
            for principle in source.principles:
                orm.add(PrincipleRow(session_id=new.id, position=principle.position, text=principle.text))
            for text in orm.scalars(select(FormTextRow).where(FormTextRow.session_id == session_id)):
                orm.add(
                    FormTextRow(session_id=new.id, form=text.form, field=text.field, text=text.text, updated_at=now)
                )
            self._carry_actions(orm, source, new.id, partner_ids, now)
            place = orm.get(PartnershipSessionRow, session_id)
            if place is None:
                name = PARTNERSHIP_NAME.apply(source.title[: PARTNERSHIP_NAME.limit])
                partnership = self._partnership_named(orm, name)
                if partnership is None:
                    partnership = PartnershipRow(name=name, created_at=now)
                    orm.add(partnership)
                    orm.flush()
                self._join(orm, partnership, session_id)
            else:
                partnership = self._partnership_row(orm, place.partnership_id)
            self._join(orm, partnership, new.id)
            return _session_data(new)

    def _carry_actions(
        self, orm: OrmSession, source: SessionRow, new_id: int, partner_ids: dict[int, int], now: dt.datetime
    ) -> None:
        rows = orm.scalars(
            select(ActionRow)
            .where(
                ActionRow.session_id == source.id,
                ActionRow.deleted.is_(False),
                ActionRow.status.not_in(sorted(CLOSED_STATUSES)),
            )
            .order_by(ActionRow.id)
        ).all()
        for row in rows:
            carried = ActionRow(
                session_id=new_id,
                uid=row.uid,
                area=row.area,
                position=row.position,
                what=row.what,
                owner_partner_id=partner_ids.get(row.owner_partner_id) if row.owner_partner_id else None,
                owner_person=row.owner_person,
                with_whom=row.with_whom,
                how_much=row.how_much,
                due=row.due,
                status=row.status,
                deleted=False,
                created_at=row.created_at,
                updated_at=now,
                light=row.light,
                status_comment=row.status_comment,
                status_changed_at=row.status_changed_at,
                origin_session_uid=row.origin_session_uid or source.uid,
            )
            orm.add(carried)
            orm.flush()
            for entry in orm.scalars(
                select(ActionStatusRow).where(ActionStatusRow.action_id == row.id).order_by(ActionStatusRow.id)
            ):
                orm.add(
                    ActionStatusRow(
                        action_id=carried.id,
                        session_id=entry.session_id,
                        session_uid=entry.session_uid,
                        at=entry.at,
                        status=entry.status,
                        light=entry.light,
                        comment=entry.comment,
                        by=entry.by,
                    )
                )

    # The action log ---------------------------------------------------------------------

    def action_log(
        self,
        partnership_id: int,
        *,
        partner_id: int | None = None,
        status: str | None = None,
        overdue_on: dt.date | None = None,
    ) -> list[ActionLogEntry]:
        """Every action of the partnership's sessions once, as it stands in the latest session holding it.

        `partner_id` (a partner of any of its sessions: the same name and organisation in
        the others) keeps that partner's actions, `status` those with that status, and
        `overdue_on` those overdue on that day. First agreed first, then area by area.
        """
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown action status {status!r}")
        with self._transaction() as orm:
            partnership = self._partnership_data(orm, self._partnership_row(orm, partnership_id))
            order = {sid: index for index, sid in enumerate(partnership.session_ids)}
            sessions = {row.id: row for row in orm.scalars(select(SessionRow).where(SessionRow.id.in_(list(order))))}
            partners = {
                row.id: row for row in orm.scalars(select(PartnerRow).where(PartnerRow.session_id.in_(list(order))))
            }
            wanted_key = None
            if partner_id is not None:
                wanted = partners.get(partner_id)
                if wanted is None:
                    raise invalid(
                        f"Partneren {partner_id} er ikke med i partnerskabet.",
                        f"Partner {partner_id} is not in the partnership.",
                    )
                wanted_key = partner_key(wanted.name, wanted.organisation)
            rows = orm.scalars(
                select(ActionRow).where(ActionRow.session_id.in_(list(order)), ActionRow.deleted.is_(False))
            ).all()
            by_uid: dict[str, list[ActionRow]] = {}
            for row in sorted(rows, key=lambda row: (order[row.session_id], row.id)):
                by_uid.setdefault(row.uid, []).append(row)
            areas = {area: index for index, area in enumerate(AREA_IDS)}
            entries = []
            for held in by_uid.values():
                latest = held[-1]
                owner = partners.get(latest.owner_partner_id) if latest.owner_partner_id else None
                action = action_record(latest)
                if wanted_key is not None and (
                    owner is None or partner_key(owner.name, owner.organisation) != wanted_key
                ):
                    continue
                if status is not None and action.status != status:
                    continue
                if overdue_on is not None and not is_overdue(action, overdue_on):
                    continue
                session = sessions[latest.session_id]
                entries.append(
                    ActionLogEntry(
                        action=action,
                        session_id=session.id,
                        session_title=session.title,
                        session_date=session.date,
                        owner=owner_label(action, (owner.name, owner.organisation) if owner else None),
                        first_session_id=held[0].session_id,
                        session_ids=tuple(row.session_id for row in held),
                        origin_session_uid=latest.origin_session_uid or sessions[held[0].session_id].uid,
                    )
                )
        entries.sort(
            key=lambda entry: (
                order[entry.first_session_id],
                areas.get(entry.action.area, len(areas)),
                entry.action.position,
                entry.action.id,
            )
        )
        return entries


__all__ = ["FollowupStore"]
