"""Reading and writing the conversation templates: circles, their elements, joint forms.

Part of `Store` (mixed in), kept apart so each concept has its own file. Removing a circle
or an element only hides it, so the UI can always offer to bring it back.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from facilitator.conversation import CIRCLE_KINDS, CIRCLES, JOINT_FORMS, VALUE_FORM_IDS, ValueOverview, value_overview
from facilitator.store import reads
from facilitator.store.fields import CIRCLE_TITLE, ELEMENT_TEXT, FORM_SOURCE_TEXT, FORM_TEXT, check_category
from facilitator.store.limits import MAX_ELEMENT_LENGTH
from facilitator.store.models import (
    AppStateRow,
    CircleRow,
    ElementRow,
    ElementValueRow,
    FormSourceRow,
    FormTextRow,
    PartnerRow,
)
from facilitator.store.part import StorePart, invalid, utc_now
from facilitator.store.records import CircleData, ElementData, ElementWords, FormSource


def _check_kind(kind: str) -> None:
    if kind not in CIRCLES:
        raise ValueError(f"unknown circle kind {kind!r}")


def _element_data(row: ElementRow) -> ElementData:
    return ElementData(
        id=row.id,
        session_id=row.session_id,
        circle_id=row.circle_id,
        partner_id=row.partner_id,
        kind=row.kind,
        field=row.field,
        position=row.position,
        text=row.text,
        category=row.category,
        value_forms=frozenset(value.value_form for value in row.value_forms),
        written_on_device=bool(row.written_on_device),
    )


#: Words typed into a question's entry line and not yet added with Enter are kept under
#: this key prefix, one row per line: "element-draft:<session>:<partner>:<circle>:<field>".
DRAFT_PREFIX = "element-draft"


def draft_prefix(session_id: int, partner_id: int | None = None) -> str:
    """The key prefix of every entry-line draft of a session (or of one partner in it)."""
    return f"{DRAFT_PREFIX}:{session_id}:" + ("" if partner_id is None else f"{partner_id}:")


def _draft_key(circle: CircleRow, field: str) -> str:
    return f"{draft_prefix(circle.session_id, circle.partner_id)}{circle.id}:{field}"


def _circle_data(row: CircleRow) -> CircleData:
    return CircleData(row.id, row.session_id, row.partner_id, row.kind, row.title, row.position, bool(row.revealed))


class CircleStore(StorePart):
    """The circle, element and joint-form half of `Store`."""

    # Circles ------------------------------------------------------------------------

    def circles(self, session_id: int, kind: str | None = None, partner_id: int | None = None) -> list[CircleData]:
        """The session's circles in partner order, then in the order they were added."""
        parameters = {"session_id": session_id, "kind": kind, "partner_id": partner_id}
        with self._reading() as orm:
            rows = orm.connection().execute(reads.circles(kind is not None, partner_id is not None), parameters).all()
        return [
            CircleData(id_, session, partner, kind_, title, position, bool(revealed))
            for id_, session, partner, kind_, title, position, revealed in rows
        ]

    def _circle_row(self, orm: OrmSession, circle_id: int) -> CircleRow:
        row = orm.get(CircleRow, circle_id)
        if row is None or row.deleted:
            raise invalid(f"Cirklen {circle_id} findes ikke.", f"Circle {circle_id} does not exist.")
        return row

    def _new_circle(self, orm: OrmSession, session_id: int, partner_id: int, kind: str, title: str) -> CircleRow:
        partner = orm.get(PartnerRow, partner_id)
        if partner is None or partner.session_id != session_id:
            raise invalid(f"Partneren {partner_id} findes ikke.", f"Partner {partner_id} does not exist.")
        last = orm.scalar(
            select(func.max(CircleRow.position)).where(CircleRow.partner_id == partner_id, CircleRow.kind == kind)
        )
        row = CircleRow(
            session_id=session_id,
            partner_id=partner_id,
            kind=kind,
            title=title,
            position=0 if last is None else last + 1,
            deleted=False,
            created_at=utc_now(),
        )
        orm.add(row)
        self._touch(orm, session_id)
        orm.flush()
        return row

    def ensure_circle(self, session_id: int, partner_id: int, kind: str) -> CircleData:
        """The partner's first circle of `kind`, created empty if there is none yet."""
        _check_kind(kind)
        # Read first: the circle is there for every add but a partner's first, and a read
        # needs no savepoint of its own inside a batch.
        parameters = {"partner_id": partner_id, "kind": kind}
        with self._reading() as orm:
            found = orm.connection().execute(reads.FIRST_CIRCLE, parameters).first()
        if found is not None:
            return CircleData(*found[:6], bool(found[6]))
        with self._transaction() as orm:
            found = orm.connection().execute(reads.FIRST_CIRCLE, parameters).first()
            if found is not None:
                return CircleData(*found[:6], bool(found[6]))
            return _circle_data(self._new_circle(orm, session_id, partner_id, kind, ""))

    def add_circle(self, session_id: int, partner_id: int, kind: str, title: str = "") -> CircleData:
        """Another circle for the partner; only change circles come in several."""
        _check_kind(kind)
        cleaned = CIRCLE_TITLE.apply(title)
        with self._transaction() as orm:
            if not CIRCLES[kind].several:
                existing = orm.scalar(
                    select(func.count(CircleRow.id)).where(
                        CircleRow.partner_id == partner_id, CircleRow.kind == kind, CircleRow.deleted.is_(False)
                    )
                )
                if existing:
                    name = CIRCLES[kind].name
                    raise invalid(
                        f"Hver partner har én {name.da.lower()}.", f"Each partner has one {name.get('en').lower()}."
                    )
            return _circle_data(self._new_circle(orm, session_id, partner_id, kind, cleaned))

    def rename_circle(self, circle_id: int, title: str) -> CircleData:
        """Give a circle (one of a partner's ambitions) a name; "" for the default."""
        cleaned = CIRCLE_TITLE.apply(title)
        with self._transaction() as orm:
            row = self._circle_row(orm, circle_id)
            row.title = cleaned
            self._touch(orm, row.session_id)
            return _circle_data(row)

    def remove_circle(self, circle_id: int) -> None:
        """Hide a circle and its elements; `restore_circle` brings them back."""
        with self._transaction() as orm:
            row = self._circle_row(orm, circle_id)
            row.deleted = True
            self._touch(orm, row.session_id)

    def restore_circle(self, circle_id: int) -> CircleData:
        """Bring back a removed circle with everything in it."""
        with self._transaction() as orm:
            row = orm.get(CircleRow, circle_id)
            if row is None:
                raise invalid(f"Cirklen {circle_id} findes ikke.", f"Circle {circle_id} does not exist.")
            row.deleted = False
            self._touch(orm, row.session_id)
            return _circle_data(row)

    def _has_elements(self, orm: OrmSession, circle_id: int) -> bool:
        return bool(
            orm.scalar(
                select(func.count(ElementRow.id)).where(
                    ElementRow.circle_id == circle_id, ElementRow.deleted.is_(False)
                )
            )
        )

    def set_circles_revealed(
        self, session_id: int, kind: str, revealed: bool, partner_id: int | None = None
    ) -> list[CircleData]:
        """Reveal (or hide again) every circle of a kind, or one partner's; returns those changed.

        The circles returned are as they are now; setting the opposite for each undoes it.
        """
        _check_kind(kind)
        query = select(CircleRow).where(
            CircleRow.session_id == session_id,
            CircleRow.kind == kind,
            CircleRow.deleted.is_(False),
            CircleRow.revealed.is_(not revealed),
        )
        if partner_id is not None:
            query = query.where(CircleRow.partner_id == partner_id)
        with self._transaction() as orm:
            self._session_row(orm, session_id)
            rows = list(orm.scalars(query.order_by(CircleRow.id)))
            for row in rows:
                row.revealed = revealed
            if rows:
                self._touch(orm, session_id)
            return [_circle_data(row) for row in rows]

    def set_circle_revealed(self, circle_id: int, revealed: bool) -> CircleData:
        """Reveal or hide one circle (the undo of `set_circles_revealed`, circle by circle)."""
        with self._transaction() as orm:
            row = self._circle_row(orm, circle_id)
            if row.revealed != revealed:
                row.revealed = revealed
                self._touch(orm, row.session_id)
            return _circle_data(row)

    # Entry-line drafts ----------------------------------------------------------------

    def element_drafts(self, session_id: int) -> dict[tuple[int, str], str]:
        """What was typed in each entry line and not yet added: {(circle id, field): text}."""
        prefix = draft_prefix(session_id)
        with self._transaction() as orm:
            rows = orm.scalars(select(AppStateRow).where(AppStateRow.key.startswith(prefix, autoescape=True)))
            drafts = {}
            for row in rows:
                _partner, circle_id, field = row.key[len(prefix) :].split(":", 2)
                drafts[(int(circle_id), field)] = row.value
            return drafts

    def set_element_draft(self, circle_id: int, field: str, text: str) -> None:
        """Keep the words typed in a question's entry line (an empty line forgets them).

        Kept apart from the elements: a draft is not on the board, in the exports or in a
        session file until Enter adds it.
        """
        if len(text) > MAX_ELEMENT_LENGTH:
            raise invalid(
                f"Et element kan højst have {MAX_ELEMENT_LENGTH} tegn; det skrevne har {len(text)}.",
                f"An element can have at most {MAX_ELEMENT_LENGTH} characters; the text typed has {len(text)}.",
            )
        with self._transaction() as orm:
            circle = self._circle_row(orm, circle_id)
            if field not in CIRCLES[circle.kind].field_ids():
                raise ValueError(f"{circle.kind} circles have no field {field!r}")
            key = _draft_key(circle, field)
            row = orm.get(AppStateRow, key)
            if not text.strip():
                if row is not None:
                    orm.delete(row)
            elif row is None:
                orm.add(AppStateRow(key=key, value=text))
            else:
                row.value = text

    def _forget_drafts(self, orm: OrmSession, prefix: str) -> None:
        """Delete the drafts under a key prefix (their session or partner is being deleted)."""
        for row in orm.scalars(select(AppStateRow).where(AppStateRow.key.startswith(prefix, autoescape=True))):
            orm.delete(row)

    # Elements -----------------------------------------------------------------------

    def elements(
        self,
        session_id: int,
        *,
        kind: str | None = None,
        partner_id: int | None = None,
        circle_id: int | None = None,
    ) -> list[ElementData]:
        """Visible elements in partner order, then delsession, circle and the template's field order."""
        # Columns, not mapped objects: a room page reads its partner's elements on every
        # look again, and loading ORM objects (and their value forms) was most of its cost.
        query, values_query = reads.elements(kind is not None, partner_id is not None, circle_id is not None)
        parameters = {"session_id": session_id, "kind": kind, "partner_id": partner_id, "circle_id": circle_id}
        with self._reading() as orm:
            connection = orm.connection()
            rows = connection.execute(query, parameters).all()
            values: dict[int, set[str]] = {}
            for element_id, value_form in connection.execute(values_query, parameters) if rows else ():
                values.setdefault(element_id, set()).add(value_form)
        field_orders: dict[tuple[str, str | None], int] = {}
        keyed = []
        for row in rows:
            (id_, session, circle, partner, kind_, field, position, text, category, on_device) = row[:10]
            partner_position, circle_position = row[10], row[11]
            order = field_orders.get((kind_, field))
            if order is None:
                order = field_orders[kind_, field] = _field_order(kind_, field)
            # Group elements (no partner) come last, as on the board.
            keyed.append(
                (
                    partner_position if partner_position is not None else 10**6,
                    CIRCLE_KINDS.index(kind_) if kind_ in CIRCLE_KINDS else len(CIRCLE_KINDS),
                    circle_position if circle_position is not None else 0,
                    circle or 0,
                    order,
                    position,
                    id_,
                    ElementData(
                        id_,
                        session,
                        circle,
                        partner,
                        kind_,
                        field,
                        position,
                        text,
                        category,
                        frozenset(values.get(id_, ())),
                        bool(on_device),
                    ),
                )
            )
        return [entry[-1] for entry in sorted(keyed, key=lambda entry: entry[:-1])]

    def element_words(self, session_id: int, kind: str, partner_id: int) -> list[ElementWords]:
        """One partner's visible elements of one kind, without value forms, in order within each field.

        What a room page shows of its own circles: every phone of a partner reads it after
        each of that partner's adds, and `elements` (with value forms and the whole day's
        ordering) cost several times as much for the same words.
        """
        with self._reading() as orm:
            rows = orm.connection().execute(
                reads.element_words(), {"session_id": session_id, "kind": kind, "partner_id": partner_id}
            )
            return [
                ElementWords(id_, circle, field, text, bool(on_device)) for id_, circle, field, text, on_device in rows
            ]

    def _element_row(self, orm: OrmSession, element_id: int) -> ElementRow:
        row = orm.get(ElementRow, element_id)
        if row is None or row.deleted:
            raise invalid(f"Elementet {element_id} findes ikke.", f"Element {element_id} does not exist.")
        return row

    def element(self, element_id: int) -> ElementData:
        """One visible element; StoreError if it is gone."""
        with self._transaction() as orm:
            return _element_data(self._element_row(orm, element_id))

    def add_element(
        self,
        circle_id: int,
        field: str,
        text: str,
        *,
        value_forms: Iterable[str] = (),
        from_draft: bool = False,
        written_on_device: bool = False,
    ) -> ElementData:
        """Add an element at the end of one field of a circle.

        `from_draft`: the words come from the field's entry line, whose draft goes in the
        same transaction, so a crash never leaves both the element and its draft.
        `written_on_device`: the partner wrote it in the room; a circle first written there
        becomes private (unrevealed) until the facilitator reveals it.
        """
        cleaned = ELEMENT_TEXT.apply(text)
        values = _check_values(value_forms)
        # Statements on the connection, not mapped objects: each partner's element in the room
        # comes this way, and the ORM's objects and flush were most of an add's cost.
        with self._transaction() as orm:
            connection = orm.connection()
            circle = connection.execute(reads.CIRCLE_FOR_ELEMENT, {"circle_id": circle_id}).first()
            if circle is None or circle.deleted:
                raise invalid(f"Cirklen {circle_id} findes ikke.", f"Circle {circle_id} does not exist.")
            if field not in CIRCLES[circle.kind].field_ids():
                raise ValueError(f"{circle.kind} circles have no field {field!r}")
            last = connection.execute(reads.LAST_ELEMENT_POSITION, {"circle_id": circle_id, "field": field}).scalar()
            now = utc_now()
            if (
                written_on_device
                and circle.revealed
                and connection.execute(reads.ANY_ELEMENT, {"circle_id": circle_id}).first() is None
            ):
                connection.execute(reads.HIDE_CIRCLE, {"circle_id": circle_id})
                loaded = orm.identity_map.get(identity_key(CircleRow, circle_id))
                if loaded is not None:
                    # A circle this transaction has loaded shows the same, without writing it again.
                    set_committed_value(loaded, "revealed", False)
            row = {
                "session_id": circle.session_id,
                "circle_id": circle.id,
                "partner_id": circle.partner_id,
                "kind": circle.kind,
                "field": field,
                "position": 0 if last is None else last + 1,
                "text": cleaned,
                "category": None,
                "deleted": False,
                "created_at": now,
                "updated_at": now,
                "written_on_device": written_on_device,
            }
            element_id = connection.execute(reads.INSERT_ELEMENT, row).inserted_primary_key[0]
            if values:
                connection.execute(
                    reads.INSERT_ELEMENT_VALUE,
                    [{"element_id": element_id, "value_form": value} for value in sorted(values)],
                )
            if from_draft:
                draft = orm.get(AppStateRow, _draft_key(circle, field))
                if draft is not None:
                    orm.delete(draft)
            self._touch(orm, circle.session_id)
        return ElementData(
            id=element_id,
            session_id=circle.session_id,
            circle_id=circle.id,
            partner_id=circle.partner_id,
            kind=circle.kind,
            field=field,
            position=row["position"],
            text=cleaned,
            category=None,
            value_forms=frozenset(values),
            written_on_device=written_on_device,
        )

    def update_element(self, element_id: int, text: str) -> ElementData:
        """Change an element's words; its post-it shows the new text."""
        cleaned = ELEMENT_TEXT.apply(text)
        with self._transaction() as orm:
            row = self._element_row(orm, element_id)
            if row.text != cleaned:
                row.text = cleaned
                row.updated_at = utc_now()
                self._touch(orm, row.session_id)
            return _element_data(row)

    def remove_element(self, element_id: int) -> None:
        """Hide an element (from its circle and the board); `restore_element` brings it back."""
        with self._transaction() as orm:
            row = self._element_row(orm, element_id)
            row.deleted = True
            row.updated_at = utc_now()
            self._touch(orm, row.session_id)

    def restore_element(self, element_id: int) -> ElementData:
        """Bring back a removed element exactly as it was."""
        with self._transaction() as orm:
            row = orm.get(ElementRow, element_id)
            if row is None:
                raise invalid(f"Elementet {element_id} findes ikke.", f"Element {element_id} does not exist.")
            row.deleted = False
            row.updated_at = utc_now()
            self._touch(orm, row.session_id)
            return _element_data(row)

    def set_element_values(self, element_id: int, value_forms: Iterable[str]) -> ElementData:
        """Tag an element with exactly these value forms (none clears them)."""
        values = _check_values(value_forms)
        with self._transaction() as orm:
            row = self._element_row(orm, element_id)
            current = {value.value_form for value in row.value_forms}
            if current != values:
                for value in [value for value in row.value_forms if value.value_form not in values]:
                    row.value_forms.remove(value)
                row.value_forms.extend(ElementValueRow(value_form=value) for value in sorted(values - current))
                row.updated_at = utc_now()
                self._touch(orm, row.session_id)
            return _element_data(row)

    def set_element_category(self, element_id: int, category: str | None) -> ElementData:
        """Sort an element into a board category (None: back to unsorted)."""
        check_category(category)
        with self._transaction() as orm:
            row = self._element_row(orm, element_id)
            row.category = category
            row.updated_at = utc_now()
            self._touch(orm, row.session_id)
            return _element_data(row)

    def value_overview(self, session_id: int, kind: str | None = None) -> ValueOverview:
        """Which value forms each partner's elements carry (all delsessions, or one circle kind)."""
        partner_ids = [
            partner_id
            for (partner_id,) in self._rows(
                select(PartnerRow.id).where(PartnerRow.session_id == session_id).order_by(PartnerRow.position)
            )
        ]
        pairs = [(element.partner_id, element.value_forms) for element in self.elements(session_id, kind=kind)]
        return value_overview(partner_ids, pairs)

    def _rows(self, query) -> list:
        with self._transaction() as orm:
            return list(orm.execute(query).all())

    # Joint forms --------------------------------------------------------------------

    def form_texts(self, session_id: int, form_id: str) -> dict[str, str]:
        """The group's answers to a joint form, by field."""
        _check_form(form_id)
        rows = self._rows(
            select(FormTextRow.field, FormTextRow.text).where(
                FormTextRow.session_id == session_id, FormTextRow.form == form_id
            )
        )
        return dict(rows)

    def set_form_text(self, session_id: int, form_id: str, field: str, text: str) -> str:
        """Store the group's answer to one question of a joint form; returns it as stored."""
        _check_form_field(form_id, field)
        cleaned = FORM_TEXT.apply(text)
        with self._transaction() as orm:
            self._session_row(orm, session_id)
            row = orm.get(FormTextRow, (session_id, form_id, field))
            if row is None:
                orm.add(
                    FormTextRow(session_id=session_id, form=form_id, field=field, text=cleaned, updated_at=utc_now())
                )
            elif row.text != cleaned:
                row.text = cleaned
                row.updated_at = utc_now()
            self._touch(orm, session_id)
        return cleaned

    def add_form_source(self, session_id: int, form_id: str, field: str, element_id: int, text: str) -> FormSource:
        """Remember that `text` of an element was put into a joint form field."""
        _check_form_field(form_id, field)
        with self._transaction() as orm:
            element = self._element_row(orm, element_id)
            if element.session_id != session_id:
                raise ValueError("the element belongs to another session")
            row = FormSourceRow(
                session_id=session_id,
                form=form_id,
                field=field,
                element_id=element_id,
                text=FORM_SOURCE_TEXT.apply(FORM_SOURCE_TEXT.clean(text) or element.text),
                created_at=utc_now(),
            )
            orm.add(row)
            self._touch(orm, session_id)
            orm.flush()
            return FormSource(row.id, form_id, field, element_id, row.text, element.partner_id)

    def form_sources(self, session_id: int, form_id: str | None = None) -> list[FormSource]:
        """Where the words of the joint forms came from, oldest first."""
        query = (
            select(FormSourceRow, ElementRow.partner_id)
            .outerjoin(ElementRow, ElementRow.id == FormSourceRow.element_id)
            .where(FormSourceRow.session_id == session_id)
            .order_by(FormSourceRow.id)
        )
        if form_id is not None:
            query = query.where(FormSourceRow.form == form_id)
        return [
            FormSource(row.id, row.form, row.field, row.element_id, row.text, partner_id)
            for row, partner_id in self._rows(query)
        ]


def _field_order(kind: str, field: str | None) -> int:
    template = CIRCLES.get(kind)
    if template is None or field not in template.field_ids():
        return len(template.fields) if template else 0
    return template.field_ids().index(field)


def _check_values(value_forms: Iterable[str]) -> set[str]:
    values = set(value_forms)
    unknown = values - set(VALUE_FORM_IDS)
    if unknown:
        raise ValueError(f"unknown value forms {sorted(unknown)}")
    return values


def _check_form(form_id: str) -> None:
    if form_id not in JOINT_FORMS:
        raise ValueError(f"unknown joint form {form_id!r}")


def _check_form_field(form_id: str, field: str) -> None:
    _check_form(form_id)
    if field not in JOINT_FORMS[form_id].field_ids():
        raise ValueError(f"the {form_id} form has no field {field!r}")
