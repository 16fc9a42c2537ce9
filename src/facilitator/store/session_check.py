"""`check_session_document`: the one gate between a session document and the store.

It walks a document table by table, checks everything an import will write with the
store's own rules, and returns the document in its canonical form, so writing a checked
document and reading it back gives the same bytes. The format is
`facilitator.store.session_document`; the checks of single values are
`facilitator.store.session_values`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from facilitator.conversation import CIRCLES, JOINT_FORMS, VALUE_FORM_IDS
from facilitator.conversation.next_steps import AREA_IDS, STATUSES
from facilitator.guidance import load_guidance
from facilitator.program import Program, load_program_text
from facilitator.program.loader import MAX_STEP_MINUTES
from facilitator.store.fields import (
    ACTION_FIELDS,
    CIRCLE_TITLE,
    CLUSTER_NAME,
    ELEMENT_TEXT,
    FORM_SOURCE_TEXT,
    FORM_TEXT,
    PRINCIPLE,
    clean_colour,
    clean_start_time,
    has_control_characters,
    partner_key,
    text_rule,
)
from facilitator.store.limits import (
    MAX_CATEGORY_LENGTH,
    MAX_POSITION,
    MAX_PRINCIPLES,
    MAX_PROGRAM_NAME_LENGTH,
    MAX_PROGRAM_TEXT_LENGTH,
    MAX_TIMER_SECONDS,
)
from facilitator.store.session_board import check_board, check_merges
from facilitator.store.session_document import (
    FORMAT_NAME,
    FORMAT_VERSION,
    KEYS,
    OLDER_KEYS,
    READABLE_VERSIONS,
    SessionDocument,
    action_uid_in_version_1,
)
from facilitator.store.session_followup import check_action_fields, check_partnership, empty_action_fields
from facilitator.store.session_values import (
    CIRCLE_ROW,
    CIRCLE_ROWS,
    CLUSTER_ROW,
    CLUSTER_ROWS,
    ELEMENT_ROW,
    ELEMENT_ROWS,
    MISSING,
    PARTNER_ROW,
    PARTNER_ROWS,
    ValueChecker,
    found,
    quote,
)
from facilitator.text import Text, UserError
from facilitator.timing.timer import EVENT_KINDS

_UID = re.compile(r"[0-9a-fA-F]{32}")
_SECONDS = Text("sekunder", "seconds")
_STEP = Text("et trin i sessionens program", "a step of the session's program")


def check_session_document(document: object, *, source: str = "", exporting: bool = False) -> SessionDocument:
    """The document checked whole and in canonical form; SessionFileError naming the first bad field.

    `source` names the file in messages. Canonical form: texts cleaned as the store cleans
    them, times as ``2026-04-27T07:00:00.000000Z``, the file's own ids renumbered 1, 2, 3…
    in list order, every object's keys in the documented order.
    """
    check = ValueChecker(source, exporting)
    if not isinstance(document, dict):
        raise check.wrong(
            "",
            document,
            Text(f'et JSON-objekt med "format": "{FORMAT_NAME}"', f'a JSON object with "format": "{FORMAT_NAME}"'),
        )
    # Format and version first: a newer file should say so, not trip over a field it added.
    format_name = document.get("format", MISSING)
    if format_name != FORMAT_NAME:
        raise check.wrong(
            "format",
            format_name,
            Text(f'"{FORMAT_NAME}" (en sessionsfil fra Facilitator)', f'"{FORMAT_NAME}" (a Facilitator session file)'),
        )
    version = document.get("version", MISSING)
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise check.fail(
            "version",
            Text(
                f"filen er skrevet i version {version} af formatet, som en nyere Facilitator skriver; "
                f"denne version læser version {FORMAT_VERSION}. Opdatér appen",
                f"the file is written in version {version} of the format, which a newer Facilitator writes; "
                f"this version reads version {FORMAT_VERSION}. Update the app",
            ),
            Text(f"version {FORMAT_VERSION}", f"version {FORMAT_VERSION}"),
        )
    check.integer(version, "version", READABLE_VERSIONS[0], FORMAT_VERSION)
    document_keys = OLDER_KEYS.get(version, {}).get("document", KEYS["document"])
    top = check.record(document, "", document_keys, Text("en sessionsfil", "a session file"))
    for key in document_keys:
        if key not in top:
            raise check.wrong(key, MISSING, _TOP_EXPECTED[key])

    session, program = _check_session(check, top["session"])
    # Step ids name steps of the file's own program; checklist items, the app's guidance.
    steps = Known(check, set(program.step_ids()), _STEP)

    partner_ids: dict[int, int] = {}
    partners = []
    names: dict[tuple[str, str], str] = {}
    seen: dict[int, str] = {}
    for index, value in enumerate(_listed(check, top, "partners")):
        where = f"partners[{index}]"
        row = check.record(value, where, KEYS["partner"], PARTNER_ROW)
        partner_ids[check.file_id(check.field(row, "id"), f"{where}.id", seen, PARTNER_ROWS)] = index + 1
        name = check.text(check.field(row, "name"), f"{where}.name", text_rule("name"))
        organisation = check.text(check.field(row, "organisation"), f"{where}.organisation", text_rule("organisation"))
        key = partner_key(name, organisation)
        if key in names:
            raise check.fail(
                f"{where}.name",
                Text(f"samme navn og organisation som {names[key]}", f"the same name and organisation as {names[key]}"),
                Text(
                    "partnere, der kan skelnes på navn eller organisation",
                    "partners told apart by name or organisation",
                ),
            )
        names[key] = where
        colour = _check_colour(check, check.field(row, "colour"), f"{where}.colour")
        partners.append(
            {
                "id": index + 1,
                "name": name,
                "organisation": organisation,
                **{
                    field: check.text(check.field(row, field), f"{where}.{field}", text_rule(field))
                    for field in ("role", "mandate", "why_now")
                },
                "colour": colour,
            }
        )

    principles = []
    listed = _listed(check, top, "principles")
    if len(listed) > MAX_PRINCIPLES:
        raise check.fail(
            "principles",
            Text(f"der er {len(listed)} principper", f"there are {len(listed)} principles"),
            Text(
                f"højst {MAX_PRINCIPLES}, som metoden foreskriver",
                f"at most {MAX_PRINCIPLES}, as the method prescribes",
            ),
        )
    for index, value in enumerate(listed):
        principles.append(check.text(value, f"principles[{index}]", PRINCIPLE))

    step_plans = []
    step_ids: dict[str, str] = {}
    for index, value in enumerate(_listed(check, top, "step_plans")):
        where = f"step_plans[{index}]"
        row = check.record(value, where, KEYS["step_plan"], Text("en trinplan", "a step plan"))
        step_id = steps(
            _unique_name(check, check.field(row, "step_id"), f"{where}.step_id", step_ids, "trin", "step"),
            f"{where}.step_id",
        )
        minutes = check.field(row, "minutes")
        after_id = check.field(row, "after_id")
        # "" (the start of the day) is a valid place for a break; None leaves it where planned.
        if after_id is not None and after_id != "":
            after_id = steps(check.name(after_id, f"{where}.after_id"), f"{where}.after_id")
        step_plans.append(
            {
                "step_id": step_id,
                "minutes": None if minutes is None else check.integer(minutes, f"{where}.minutes", 1, MAX_STEP_MINUTES),
                "skipped": check.boolean(check.field(row, "skipped"), f"{where}.skipped"),
                "after_id": after_id,
                "note": check.text(check.field(row, "note"), f"{where}.note", text_rule("note")),
            }
        )

    timer_events = []
    for index, value in enumerate(_listed(check, top, "timer_events")):
        where = f"timer_events[{index}]"
        row = check.record(value, where, KEYS["timer_event"], Text("en timerhændelse", "a timer event"))
        timer_events.append(
            {
                "step_id": steps(check.name(check.field(row, "step_id"), f"{where}.step_id"), f"{where}.step_id"),
                "kind": check.choice(check.field(row, "kind"), f"{where}.kind", EVENT_KINDS),
                "at": check.timestamp(check.field(row, "at"), f"{where}.at"),
                # A negative time would print as "brugt -60 min" in the report.
                "elapsed": check.number(
                    check.field(row, "elapsed"), f"{where}.elapsed", low=0, high=MAX_TIMER_SECONDS, unit=_SECONDS
                ),
                "amount": check.number(
                    check.field(row, "amount"), f"{where}.amount", low=0, high=MAX_TIMER_SECONDS, unit=_SECONDS
                ),
            }
        )

    checklist = []
    items = Known(
        check,
        set(load_guidance().checklist_ids()),
        Text("et punkt på metodens tjekliste", "an item of the method's checklist"),
    )
    item_ids: dict[str, str] = {}
    for index, value in enumerate(_listed(check, top, "checklist")):
        where = f"checklist[{index}]"
        row = check.record(value, where, KEYS["checklist_item"], Text("et tjeklistepunkt", "a checklist item"))
        checklist.append(
            {
                "item_id": items(
                    _unique_name(check, check.field(row, "item_id"), f"{where}.item_id", item_ids, "punkt", "item"),
                    f"{where}.item_id",
                ),
                "done": check.boolean(check.field(row, "done"), f"{where}.done"),
                "note": check.text(check.field(row, "note"), f"{where}.note", text_rule("note")),
            }
        )

    circle_ids: dict[int, int] = {}
    circle_rows: dict[int, dict[str, Any]] = {}
    circles = []
    seen = {}
    circle_keys = OLDER_KEYS.get(version, {}).get("circle", KEYS["circle"])
    for index, value in enumerate(_listed(check, top, "circles")):
        where = f"circles[{index}]"
        row = check.record(value, where, circle_keys, CIRCLE_ROW)
        circle_ids[check.file_id(check.field(row, "id"), f"{where}.id", seen, CIRCLE_ROWS)] = index + 1
        circle = {
            "id": index + 1,
            "partner": check.reference(
                check.field(row, "partner"), f"{where}.partner", partner_ids, PARTNER_ROW, nullable=False
            ),
            "kind": check.choice(check.field(row, "kind"), f"{where}.kind", CIRCLES),
            "title": check.text(check.field(row, "title"), f"{where}.title", CIRCLE_TITLE),
            "position": check.integer(check.field(row, "position"), f"{where}.position", 0, MAX_POSITION),
            "created_at": check.timestamp(check.field(row, "created_at"), f"{where}.created_at"),
            "revealed": check.boolean(check.field(row, "revealed"), f"{where}.revealed")
            if "revealed" in circle_keys
            else True,
        }
        circles.append(circle)
        circle_rows[index + 1] = circle

    cluster_ids: dict[int, int] = {}
    cluster_kinds: dict[int, str] = {}
    clusters = []
    seen = {}
    for index, value in enumerate(_listed(check, top, "clusters")):
        where = f"clusters[{index}]"
        row = check.record(value, where, KEYS["cluster"], CLUSTER_ROW)
        cluster_ids[check.file_id(check.field(row, "id"), f"{where}.id", seen, CLUSTER_ROWS)] = index + 1
        kind = check.choice(check.field(row, "kind"), f"{where}.kind", CIRCLES)
        cluster_kinds[index + 1] = kind
        clusters.append(
            {
                "id": index + 1,
                "kind": kind,
                "name": check.text(check.field(row, "name"), f"{where}.name", CLUSTER_NAME),
            }
        )

    listed = _listed(check, top, "elements")
    element_keys = OLDER_KEYS.get(version, {}).get("element", KEYS["element"])
    # Every element's id first: a board note may be merged into one further down the list.
    element_ids: dict[int, int] = {}
    seen = {}
    for index, value in enumerate(listed):
        row = check.record(value, f"elements[{index}]", element_keys, ELEMENT_ROW)
        element_ids[check.file_id(check.field(row, "id"), f"elements[{index}].id", seen, ELEMENT_ROWS)] = index + 1
    elements = []
    element_kinds: dict[int, str] = {}
    for index, row in enumerate(listed):
        where = f"elements[{index}]"
        element = _check_element(check, row, where, index + 1, partner_ids, circle_ids, circle_rows, program)
        element["written_on_device"] = (
            check.boolean(check.field(row, "written_on_device"), f"{where}.written_on_device")
            if "written_on_device" in element_keys
            else False
        )
        element_kinds[index + 1] = element["kind"]
        elements.append(element)
    for index, (row, element) in enumerate(zip(listed, elements, strict=True)):
        element["board"] = check_board(
            check,
            check.field(row, "board"),
            f"elements[{index}].board",
            element,
            element_ids,
            cluster_ids,
            cluster_kinds,
            element_kinds,
        )
    check_merges(check, elements)

    form_texts = []
    form_fields: dict[tuple[str, str], str] = {}
    for index, value in enumerate(_listed(check, top, "form_texts")):
        where = f"form_texts[{index}]"
        row = check.record(value, where, KEYS["form_text"], Text("en fælles tekst", "a joint text"))
        form, field = _check_form_field(check, row, where)
        if (form, field) in form_fields:
            raise check.fail(
                f"{where}.field",
                Text(
                    f"{form}.{field} står der allerede ({form_fields[form, field]})",
                    f"{form}.{field} is already there ({form_fields[form, field]})",
                ),
                Text("hvert spørgsmål i en fælles formular én gang", "each question of a joint form once"),
            )
        form_fields[form, field] = where
        form_texts.append(
            {
                "form": form,
                "field": field,
                "text": check.text(check.field(row, "text"), f"{where}.text", FORM_TEXT),
                "updated_at": check.timestamp(check.field(row, "updated_at"), f"{where}.updated_at"),
            }
        )

    form_sources = []
    for index, value in enumerate(_listed(check, top, "form_sources")):
        where = f"form_sources[{index}]"
        row = check.record(
            value, where, KEYS["form_source"], Text("en kilde til en fælles tekst", "a source of a joint text")
        )
        form, field = _check_form_field(check, row, where)
        form_sources.append(
            {
                "form": form,
                "field": field,
                "element": check.reference(check.field(row, "element"), f"{where}.element", element_ids, ELEMENT_ROW),
                "text": check.text(check.field(row, "text"), f"{where}.text", FORM_SOURCE_TEXT),
                "created_at": check.timestamp(check.field(row, "created_at"), f"{where}.created_at"),
            }
        )

    actions = []
    action_keys = OLDER_KEYS.get(version, {}).get("action", KEYS["action"])
    action_uids: dict[str, str] = {}
    for index, value in enumerate(_listed(check, top, "actions")):
        where = f"actions[{index}]"
        row = check.record(value, where, action_keys, Text("en handling", "an action"))
        if "uid" in action_keys:
            uid = _check_uid(check, check.field(row, "uid"), f"{where}.uid", Text("handlingens", "the action's"))
        else:
            uid = action_uid_in_version_1(session["uid"], index)
        if uid in action_uids:
            raise check.fail(
                f"{where}.uid",
                Text(f"samme uid som {action_uids[uid]}", f"the same uid as {action_uids[uid]}"),
                Text("en uid pr. handling", "one uid per action"),
            )
        action_uids[uid] = where
        actions.append(
            {
                "uid": uid,
                "area": check.choice(check.field(row, "area"), f"{where}.area", AREA_IDS),
                "position": check.integer(check.field(row, "position"), f"{where}.position", 0, MAX_POSITION),
                "what": _action_text(check, row, where, "what"),
                "owner": check.reference(check.field(row, "owner"), f"{where}.owner", partner_ids, PARTNER_ROW),
                "owner_person": _action_text(check, row, where, "owner_person"),
                "with_whom": _action_text(check, row, where, "with_whom"),
                "how_much": _action_text(check, row, where, "how_much"),
                "due": check.date(check.field(row, "due"), f"{where}.due"),
                "status": check.choice(check.field(row, "status"), f"{where}.status", STATUSES),
                "created_at": check.timestamp(check.field(row, "created_at"), f"{where}.created_at"),
                "updated_at": check.timestamp(check.field(row, "updated_at"), f"{where}.updated_at"),
                **(
                    check_action_fields(check, row, where, _check_uid)
                    if "history" in action_keys
                    else empty_action_fields()
                ),
            }
        )

    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "session": session,
        "partners": partners,
        "principles": principles,
        "step_plans": step_plans,
        "timer_events": timer_events,
        "checklist": checklist,
        "circles": circles,
        "clusters": clusters,
        "elements": elements,
        "form_texts": form_texts,
        "form_sources": form_sources,
        "actions": actions,
        "partnership": check_partnership(check, top.get("partnership"), _check_uid),
    }


def _list_of(what_da: str, what_en: str) -> Text:
    return Text(f"en liste af {what_da}", f"a list of {what_en}")


_TOP_EXPECTED = {
    "format": Text(f'"{FORMAT_NAME}"', f'"{FORMAT_NAME}"'),
    "version": Text(str(FORMAT_VERSION), str(FORMAT_VERSION)),
    "session": Text("sessionens egne felter (et objekt)", "the session's own fields (an object)"),
    "partners": _list_of("partnere", "partners"),
    "principles": _list_of("vejledende principper", "guiding principles"),
    "step_plans": _list_of("trinplaner", "step plans"),
    "timer_events": _list_of("timerhændelser", "timer events"),
    "checklist": _list_of("tjeklistepunkter", "checklist items"),
    "circles": _list_of("cirkler", "circles"),
    "clusters": _list_of("klynger", "clusters"),
    "elements": _list_of("elementer", "elements"),
    "form_texts": _list_of("fælles tekster", "joint texts"),
    "form_sources": _list_of("kilder", "sources"),
    "actions": _list_of("handlinger", "actions"),
    "partnership": Text("partnerskabet (et objekt) eller null", "the partnership (an object) or null"),
}


def _listed(check: ValueChecker, top: dict[str, Any], key: str) -> list[Any]:
    """One of the document's lists of rows."""
    return check.items(top[key], key, _TOP_EXPECTED[key])


def _check_colour(check: ValueChecker, value: object, where: str) -> str:
    """A partner's colour, read as the store reads one it is given."""
    expected = Text("en farve som #RRGGBB", "a colour as #RRGGBB")
    if not isinstance(value, str):
        raise check.wrong(where, value, expected)
    try:
        return clean_colour(value)
    except UserError:
        raise check.wrong(where, value, expected) from None


# Databases filled by imports from before an empty "what" was refused hold such rows. They
# are still saved as files (nothing stays locked in a laptop); an import refuses them like
# typing does, naming the action, so the text is written before the session moves on.
_EXPORTED_ACTION_FIELDS = {**ACTION_FIELDS, "what": dataclasses.replace(ACTION_FIELDS["what"], required=False)}


def _action_text(check: ValueChecker, row: dict[str, Any], where: str, field: str) -> str:
    rules = _EXPORTED_ACTION_FIELDS if check.exporting else ACTION_FIELDS
    return check.text(check.field(row, field), f"{where}.{field}", rules[field])


def _check_uid(check: ValueChecker, value: object, where: str, whose: Text) -> str:
    """A lasting identity (a session's, an action's): 32 hex digits, written in lower case."""
    if not isinstance(value, str) or not _UID.fullmatch(value):
        raise check.wrong(
            where, value, Text(f"{whose.da} identitet: 32 hexadecimale cifre", f"{whose.en} identity: 32 hex digits")
        )
    return value.lower()


class Known:
    """Refuses a name the program or the method does not have (a step, a checklist item, a category).

    The app would keep such a row and never show it: a plan for a step that is not on the
    agenda, a tick on an item not on the list, a note sorted into a sector its board lacks
    (which lands in the tray). An export lets them through, so nothing stays locked in a
    laptop; the import then names them.
    """

    def __init__(self, check: ValueChecker, names: set[str], what: Text) -> None:
        self.check, self.names, self.what = check, names, what

    def __call__(self, name: str, where: str) -> str:
        if name not in self.names and not self.check.exporting:
            raise self.check.fail(
                where,
                Text(f"{quote(name)} er ikke {self.what.da}", f"{quote(name)} is not {self.what.en}"),
                Text(f"et af {_few(self.names)}", f"one of {_few(self.names)}") if self.names else self.what,
            )
        return name


def _few(names: set[str]) -> str:
    ordered = sorted(names)
    return ", ".join(ordered[:12]) + (", …" if len(ordered) > 12 else "")


def _check_session(check: ValueChecker, value: object) -> tuple[dict[str, Any], Program]:
    row = check.record(value, "session", KEYS["session"], Text("sessionens egne felter", "the session's own fields"))
    uid = _check_uid(check, check.field(row, "uid"), "session.uid", Text("sessionens", "the session's"))
    start_time = check.field(row, "start_time")
    start_expected = Text("et klokkeslæt som TT:MM", "a time of day as HH:MM")
    if not isinstance(start_time, str):
        raise check.wrong("session.start_time", start_time, start_expected)
    try:
        start_time = clean_start_time(start_time)
    except UserError:
        raise check.fail("session.start_time", found(start_time), start_expected) from None
    program_name = check.field(row, "program_name")
    name_expected = Text(
        f"tekst på højst {MAX_PROGRAM_NAME_LENGTH} tegn", f"text of at most {MAX_PROGRAM_NAME_LENGTH} characters"
    )
    # The program's file name is kept as it was, like the program text itself.
    if (
        not isinstance(program_name, str)
        or len(program_name) > MAX_PROGRAM_NAME_LENGTH
        or has_control_characters(program_name)
    ):
        raise check.wrong("session.program_name", program_name, name_expected)
    program_text = check.field(row, "program_text")
    if not isinstance(program_text, str):
        raise check.wrong(
            "session.program_text", program_text, Text("programmet som TOML-tekst", "the program as TOML text")
        )
    if len(program_text) > MAX_PROGRAM_TEXT_LENGTH and not check.exporting:
        raise check.fail(
            "session.program_text",
            Text(
                f"programmet er {len(program_text)} tegn langt", f"the program is {len(program_text)} characters long"
            ),
            Text(
                f"et program på højst {MAX_PROGRAM_TEXT_LENGTH} tegn",
                f"a program of at most {MAX_PROGRAM_TEXT_LENGTH} characters",
            ),
        )
    check.unicode(program_text, "session.program_text")
    try:
        program = load_program_text(program_text, program_name or "<session>")
    except UserError as error:
        raise check.fail(
            "session.program_text",
            Text(
                f"programmet kan ikke bruges ({error.text.da.rstrip('.')})",
                f"the program cannot be used ({error.text.get('en').rstrip('.')})",
            ),
            Text("et gyldigt program (docs/program-format.md)", "a valid program (docs/program-format.md)"),
        ) from None
    current = check.field(row, "current_step_id")
    if current is not None:
        current = check.name(current, "session.current_step_id")
        Known(check, set(program.step_ids()), _STEP)(current, "session.current_step_id")
    return {
        "uid": uid,
        "title": check.text(check.field(row, "title"), "session.title", text_rule("title")),
        "date": check.date(check.field(row, "date"), "session.date"),
        "venue": check.text(check.field(row, "venue"), "session.venue", text_rule("venue")),
        "facilitator": check.text(check.field(row, "facilitator"), "session.facilitator", text_rule("facilitator")),
        "start_time": start_time,
        "program_name": program_name,
        "program_text": program_text,
        "current_step_id": current,
        "created_at": check.timestamp(check.field(row, "created_at"), "session.created_at"),
        "updated_at": check.timestamp(check.field(row, "updated_at"), "session.updated_at"),
    }, program


def _unique_name(
    check: ValueChecker, value: object, where: str, seen: dict[str, str], what_da: str, what_en: str
) -> str:
    name = check.name(value, where)
    if name in seen:
        raise check.fail(
            where,
            Text(f"{quote(name)} står der allerede ({seen[name]})", f"{quote(name)} is already there ({seen[name]})"),
            Text(f"hvert {what_da} én gang", f"each {what_en} once"),
        )
    seen[name] = where
    return name


def _check_form_field(check: ValueChecker, row: dict[str, Any], where: str) -> tuple[str, str]:
    form = check.choice(check.field(row, "form"), f"{where}.form", JOINT_FORMS)
    field = check.choice(check.field(row, "field"), f"{where}.field", JOINT_FORMS[form].field_ids())
    return form, field


def _check_element(
    check: ValueChecker,
    row: dict[str, Any],
    where: str,
    element_id: int,
    partner_ids: dict[int, int],
    circle_ids: dict[int, int],
    circles: dict[int, dict[str, Any]],
    program: Program,
) -> dict[str, Any]:
    circle_id = check.reference(check.field(row, "circle"), f"{where}.circle", circle_ids, CIRCLE_ROW)
    partner_id = check.reference(check.field(row, "partner"), f"{where}.partner", partner_ids, PARTNER_ROW)
    kind = check.choice(check.field(row, "kind"), f"{where}.kind", CIRCLES)
    field = check.field(row, "field")
    if circle_id is None:
        # Written on the board itself: it answers no question of a circle.
        if field is not None:
            raise check.wrong(
                f"{where}.field",
                field,
                Text("null for en post-it skrevet på tavlen", "null for a note written on the board"),
            )
    else:
        circle = circles[circle_id]
        if partner_id != circle["partner"]:
            raise check.fail(
                f"{where}.partner",
                Text("er ikke den partner, cirklen tilhører", "is not the partner the circle belongs to"),
                Text(
                    f"partneren fra cirklen ({_file_id(circle['partner'], partner_ids)})",
                    f"the circle's partner ({_file_id(circle['partner'], partner_ids)})",
                ),
            )
        if kind != circle["kind"]:
            raise check.fail(
                f"{where}.kind",
                Text(f"er {kind}, men cirklen er {circle['kind']}", f"is {kind}, but the circle is {circle['kind']}"),
                Text(f"cirklens slags ({circle['kind']})", f"the circle's kind ({circle['kind']})"),
            )
        field = check.choice(field, f"{where}.field", CIRCLES[kind].field_ids())
    category = check.field(row, "category")
    values = check.items(
        check.field(row, "value_forms"), f"{where}.value_forms", _list_of("værdiformer", "value forms")
    )
    value_forms: list[str] = []
    for index, value in enumerate(values):
        value_form = check.choice(value, f"{where}.value_forms[{index}]", VALUE_FORM_IDS)
        if value_form in value_forms:
            raise check.fail(
                f"{where}.value_forms[{index}]",
                Text(f"{value_form} står der allerede", f"{value_form} is already there"),
                Text("hver værdiform én gang", "each value form once"),
            )
        value_forms.append(value_form)
    return {
        "id": element_id,
        "circle": circle_id,
        "partner": partner_id,
        "kind": kind,
        "field": field,
        "position": check.integer(check.field(row, "position"), f"{where}.position", 0, MAX_POSITION),
        "text": check.text(check.field(row, "text"), f"{where}.text", ELEMENT_TEXT),
        "category": None if category is None else _category(check, category, f"{where}.category", kind, program),
        "value_forms": sorted(value_forms),
        # Filled in once every element's id is known: a note may be merged into a later one.
        "board": None,
        "created_at": check.timestamp(check.field(row, "created_at"), f"{where}.created_at"),
        "updated_at": check.timestamp(check.field(row, "updated_at"), f"{where}.updated_at"),
    }


def _category(check: ValueChecker, value: object, where: str, kind: str, program: Program) -> str:
    """A sector of the element's own board; a sector of another board would leave the note in the tray."""
    known = Known(
        check,
        {category.id for category in program.board_categories(kind)},
        Text(f"en sektor på {kind}-tavlen", f"a sector of the {kind} board"),
    )
    return known(check.name(value, where, MAX_CATEGORY_LENGTH), where)


def _file_id(canonical: int, ids: Mapping[int, int]) -> str:
    return next((str(key) for key, value in ids.items() if value == canonical), "?")


__all__ = ["check_session_document"]
