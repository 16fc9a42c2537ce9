"""Everything an export shows, read from the store once, so a document is built from one moment.

The PDF, CSV and calendar builders take a `SessionSnapshot` and never touch the database:
they are fast, testable with made-up data, and cannot change what they print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from facilitator.board.model import BoardState
from facilitator.conversation import CIRCLE_KINDS, JOINT_FORMS, ValueOverview, value_overview
from facilitator.conversation.action_status import ActionStatusEntry
from facilitator.conversation.next_steps import Action, owner_label
from facilitator.palette import initials
from facilitator.program import Category, Program, Schedule
from facilitator.store import CircleData, ElementData, FormSource, PartnerData, SessionData, Store
from facilitator.text import Text
from facilitator.timing import plan_schedule
from facilitator.timing.timer import replay


@dataclass(frozen=True)
class StepTime:
    """One step of the day: its planned minutes and, once run, the minutes it took."""

    step_id: str
    title: Text
    #: The part it belongs to ("Delsession 1"), or the break's own title.
    part: Text
    planned: int
    actual: float | None
    skipped: bool = False


@dataclass(frozen=True)
class SessionSnapshot:
    """A session as the exports see it."""

    session: SessionData
    program: Program
    schedule: Schedule
    partners: tuple[PartnerData, ...]
    actions: tuple[Action, ...] = ()
    #: form id -> field id -> the group's text.
    forms: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    form_sources: tuple[FormSource, ...] = ()
    circles: tuple[CircleData, ...] = ()
    elements: tuple[ElementData, ...] = ()
    boards: Mapping[str, BoardState] = field(default_factory=dict)
    values: ValueOverview | None = None
    step_times: tuple[StepTime, ...] = ()
    #: step id -> the facilitator's own note (only printed when asked for).
    step_notes: Mapping[str, str] = field(default_factory=dict)
    principles: tuple[str, ...] = ()
    #: The session's lasting identity (see `Store.session_uid`), for the calendar's UIDs.
    session_uid: str = ""
    #: The partnership the session belongs to ("" if none) and its meeting before this one.
    partnership: str = ""
    previous: SessionData | None = None
    #: Action uid -> its status as the last meeting left it (None: new at this meeting).
    status_before: Mapping[str, ActionStatusEntry | None] = field(default_factory=dict)
    #: The day actions are judged overdue on: the meeting's date, or the day of the export.
    today: dt.date | None = None

    def partner(self, partner_id: int | None) -> PartnerData | None:
        return next((partner for partner in self.partners if partner.id == partner_id), None)

    def partner_named(self, name: str) -> PartnerData | None:
        """The partner a user means by `name`: its name, organisation, either with the other, or initials."""
        wanted = name.strip().casefold()
        for partner in self.partners:
            if wanted in {
                partner.name.casefold(),
                partner.organisation.casefold(),
                partner.display_name.casefold(),
                initials(partner.name).casefold(),
            }:
                return partner
        return None

    def form(self, form_id: str) -> Mapping[str, str]:
        return self.forms.get(form_id, {})

    def board_categories(self, kind: str) -> tuple[Category, ...]:
        return self.program.board_categories(kind)

    def owner_label(self, action: Action) -> str:
        """'Vesterhavs Kommune (Mette Kjær)', the partner alone, or the person alone."""
        partner = self.partner(action.owner_partner_id)
        return owner_label(action, (partner.name, partner.organisation) if partner else None)

    def actions_for(self, partner_id: int) -> tuple[Action, ...]:
        return tuple(action for action in self.actions if action.owner_partner_id == partner_id)


def take_snapshot(store: Store, session_id: int, *, now: dt.datetime | None = None) -> SessionSnapshot:
    """Read everything an export can show of one session."""
    session = store.get_session(session_id)
    program = session.program()
    plan = store.day_plan(session_id)
    schedule = plan_schedule(program, plan, session.start_time)
    forms = {form_id: store.form_texts(session_id, form_id) for form_id in JOINT_FORMS}
    elements = tuple(store.elements(session_id))
    partners = tuple(store.partners(session_id))
    partnership = store.partnership_of(session_id)
    previous = store.previous_session(session_id)
    return SessionSnapshot(
        session=session,
        program=program,
        schedule=schedule,
        partners=partners,
        actions=tuple(store.actions(session_id)),
        forms=forms,
        form_sources=tuple(store.form_sources(session_id)),
        circles=tuple(store.circles(session_id)),
        elements=elements,
        boards={kind: store.board_state(session_id, kind) for kind in CIRCLE_KINDS},
        # Counted from the elements already read, as `Store.value_overview` counts them.
        values=value_overview([partner.id for partner in partners], [(e.partner_id, e.value_forms) for e in elements]),
        step_times=_step_times(program, schedule, store, session_id, now or dt.datetime.now(dt.UTC)),
        step_notes=store.step_notes(session_id),
        principles=tuple(store.principles(session_id)),
        session_uid=store.session_uid(session_id),
        partnership=partnership.name if partnership else "",
        previous=store.get_session(previous) if previous is not None else None,
        status_before=store.status_before(session_id),
        today=session.date or (now or dt.datetime.now(dt.UTC)).astimezone().date(),
    )


def _step_times(
    program: Program, schedule: Schedule, store: Store, session_id: int, now: dt.datetime
) -> tuple[StepTime, ...]:
    runs = replay(store.timer_events(session_id))
    # Timer events are stored as UTC; a naive `now` is taken to be UTC too.
    now = now if now.tzinfo else now.replace(tzinfo=dt.UTC)
    result = []
    for item, step in program.stops():
        slot = schedule.slot(step.id)
        run = runs.get(step.id)
        actual = None
        if run is not None and run.started_at is not None:
            actual = run.elapsed_at(now) / 60
        part = getattr(item, "label", None) or item.title
        result.append(
            StepTime(
                step.id,
                step.title,
                part,
                slot.minutes if slot else step.minutes,
                actual,
                bool(slot and slot.skipped),
            )
        )
    return tuple(result)
