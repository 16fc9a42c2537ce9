"""The database tables. Only `facilitator.store` touches these; everyone else gets plain data."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, false, true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


#: A one-line text the store allows up to MAX_TEXT_LENGTH characters. SQLite never enforced
#: the declared 500; PostgreSQL would, so there it is plain text (migration 0001 does the same).
LONG_LINE = String(500).with_variant(Text(), "postgresql")


def new_session_uid() -> str:
    """A fresh session identity: a random UUID as 32 lowercase hex digits."""
    return uuid.uuid4().hex


def new_action_uid() -> str:
    """A fresh action identity, in the same form as a session's."""
    return uuid.uuid4().hex


class SessionRow(Base):
    """A partnership session (partnerskabssession) and the program snapshot it runs."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: The session's identity across databases: a session file or a backup carries it, so an
    #: import can tell that the session is already here. The database id only names a row.
    #: (The server default only exists because SQLite cannot add a NOT NULL column without one.)
    uid: Mapped[str] = mapped_column(String(32), unique=True, index=True, default=new_session_uid, server_default="")
    title: Mapped[str] = mapped_column(LONG_LINE)
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    venue: Mapped[str] = mapped_column(LONG_LINE, default="")
    facilitator: Mapped[str] = mapped_column(LONG_LINE, default="")
    start_time: Mapped[str] = mapped_column(String(5), default="09:00")
    program_name: Mapped[str] = mapped_column(String(500), default="")
    # The program text as it was when the session was created, so later edits to the
    # program file never change a session that is under way.
    program_text: Mapped[str] = mapped_column(Text)
    current_step_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)

    partners: Mapped[list[PartnerRow]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True, order_by="PartnerRow.position"
    )
    principles: Mapped[list[PrincipleRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PrincipleRow.position"
    )


class PartnerRow(Base):
    """A (potential) partner taking part in the session."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(LONG_LINE, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    mandate: Mapped[str] = mapped_column(Text, default="")
    why_now: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(7))

    session: Mapped[SessionRow] = relationship(back_populates="partners")


class PrincipleRow(Base):
    """One of the (at most three) guiding principles set in the introduction."""

    __tablename__ = "principles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class StepPlanRow(Base):
    """The facilitator's own settings for one step of one session: plan changes and notes."""

    __tablename__ = "step_plans"

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    step_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: Minutes planned today instead of the program's (None: as the program says).
    minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    #: For a break between parts: the part it now follows ("" for the start; None: unmoved).
    after_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    #: The facilitator's private note; never shown on the projector.
    note: Mapped[str] = mapped_column(Text, default="")


class TimerEventRow(Base):
    """One thing done to a step's timer, in the order it happened."""

    __tablename__ = "timer_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    step_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    #: UTC wall time.
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    #: Seconds the step had run when this happened, as the timer measured it.
    elapsed: Mapped[float] = mapped_column(Float)
    amount: Mapped[float] = mapped_column(Float, default=0.0)


class ChecklistRow(Base):
    """A ticked (or annotated) item of the planning checklist."""

    __tablename__ = "checklist"

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class CircleRow(Base):
    """One partner's change, contribution or scaling circle."""

    __tablename__ = "circles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    #: A change circle's name when a partner has several ("" shows as "Ambition 1").
    title: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer)
    #: Removed circles are only hidden, so "Fortryd" can bring every word back.
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    #: False while its partner writes alone on a device: the projector shows none of it
    #: until the facilitator reveals the circle at the review step.
    revealed: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class ElementRow(Base):
    """One element of a circle field: a future post-it on the sorting board."""

    __tablename__ = "elements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    circle_id: Mapped[int | None] = mapped_column(ForeignKey("circles.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="CASCADE"))
    #: The circle kind, i.e. the delsession whose board it belongs on.
    kind: Mapped[str] = mapped_column(String(16))
    #: The circle field (question) it answers.
    field: Mapped[str | None] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    #: The board category it was sorted into (None: not sorted yet).
    category: Mapped[str | None] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    #: Written by the partner on a phone or laptop in the room, not typed by the facilitator.
    written_on_device: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    value_forms: Mapped[list[ElementValueRow]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class ElementValueRow(Base):
    """A value form ("Hvad er godt?") an element carries."""

    __tablename__ = "element_values"

    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id", ondelete="CASCADE"), primary_key=True)
    value_form: Mapped[str] = mapped_column(String(16), primary_key=True)


class FormTextRow(Base):
    """The group's answer to one question of a joint form."""

    __tablename__ = "form_texts"

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    form: Mapped[str] = mapped_column(String(32), primary_key=True)
    field: Mapped[str] = mapped_column(String(32), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class FormSourceRow(Base):
    """An element whose text was put into a joint form field: the trail the report shows."""

    __tablename__ = "form_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    form: Mapped[str] = mapped_column(String(32))
    field: Mapped[str] = mapped_column(String(32))
    element_id: Mapped[int | None] = mapped_column(ForeignKey("elements.id", ondelete="SET NULL"))
    #: The words inserted, kept even if the element is later edited or removed.
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class BoardClusterRow(Base):
    """A named stack of post-its on a board that say the same thing."""

    __tablename__ = "board_clusters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))


class BoardNoteRow(Base):
    """Where an element's post-it sits on its board (no row: not placed yet, in the tray)."""

    __tablename__ = "board_notes"

    element_id: Mapped[int] = mapped_column(ForeignKey("elements.id", ondelete="CASCADE"), primary_key=True)
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)
    z: Mapped[int] = mapped_column(Integer, default=0)
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("board_clusters.id", ondelete="SET NULL"))
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("elements.id", ondelete="SET NULL"))


class AppStateRow(Base):
    """Small facts about the app itself, such as the session to reopen at start."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ActionRow(Base):
    """One agreed next step of Delsession 4 ("Hvordan kommer vi videre?")."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    #: The action's identity across databases, carried by session files: its calendar event
    #: keeps one UID wherever the session goes. (Server default: see SessionRow.uid.)
    #: Unique per session, not per file: a follow-up carries the action with its uid (0009).
    uid: Mapped[str] = mapped_column(String(32), index=True, default=new_action_uid, server_default="")
    area: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(Text)
    owner_partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="SET NULL"))
    owner_person: Mapped[str] = mapped_column(String(200), default="")
    with_whom: Mapped[str] = mapped_column(Text, default="")
    how_much: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    #: The traffic light of a follow-up (green, yellow, red; None: not given yet).
    light: Mapped[str | None] = mapped_column(String(8), nullable=True)
    status_comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    status_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    #: The uid of the session the action was first agreed in ("": this one): its calendar
    #: event keeps that session's UID in every follow-up.
    origin_session_uid: Mapped[str] = mapped_column(String(32), default="", server_default="")
    #: In the team archive: a later meeting holds a copy of this action (0010); always false on a laptop.
    superseded: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    __table_args__ = (Index("ix_actions_session_uid", "session_id", "uid", unique=True),)


class ActionStatusRow(Base):
    """One change of an action's status, light or comment: who said what, when."""

    __tablename__ = "action_status_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    #: The session it was said in; NULL once that session is deleted (the words stay).
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"), nullable=True)
    #: ...and that session's uid, kept when the session is not (or not yet) in this database.
    session_uid: Mapped[str] = mapped_column(String(32), default="", server_default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16))
    light: Mapped[str | None] = mapped_column(String(8), nullable=True)
    comment: Mapped[str] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(200))


class PartnershipRow(Base):
    """A partnership (partnerskab): sessions of the same partners, meeting after meeting."""

    __tablename__ = "partnerships"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Its identity across databases, so two imported sessions of it meet again.
    uid: Mapped[str] = mapped_column(String(32), unique=True, index=True, default=new_session_uid)
    name: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class PartnershipSessionRow(Base):
    """A session's place in its partnership (a session belongs to at most one)."""

    __tablename__ = "partnership_sessions"

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
