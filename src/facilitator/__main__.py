"""Command line: the GUI by default; `schedule`, `list`, `demo`, `export`, `followup`, `log`, `import`, `room` and `archive` without a window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from facilitator.paths import AppPaths, default_program_path
from facilitator.text import Text, UserError

EXIT_USAGE = 2


class _VersionAction(argparse.Action):
    """--version, with the version read only when asked for (see facilitator.__getattr__)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        import facilitator

        print(f"facilitator {facilitator.__version__}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Facilitator: kører en partnerskabssession for bæredygtig omstilling.",
    )
    parser.add_argument("--version", action=_VersionAction, help="vis versionen og afslut")
    parser.add_argument(
        "--data-dir", help="mappe til databasen (ellers FACILITATOR_DATA_DIR eller brugerens datamappe)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="afprøv installationen i en midlertidig mappe (dine data røres ikke) og afslut; 0 hvis alt virker",
    )
    commands = parser.add_subparsers(dest="command")

    schedule = commands.add_parser("schedule", help="vis dagens program med klokkeslæt")
    schedule.add_argument("program", nargs="?", help="programfil (TOML); standard er metodens heldagsprogram")
    schedule.add_argument("--start", default="09:00", help="starttidspunkt TT:MM (standard 09:00)")
    schedule.add_argument("--json", action="store_true", help="udskriv som JSON")
    schedule.add_argument("--lang", choices=("da", "en"), default="da", help="sprog for titler")

    commands.add_parser("list", help="vis gemte sessioner, nyeste først")
    commands.add_parser("demo", help="opret demosessionen")

    export = commands.add_parser(
        "export",
        help="gem en sessions aftaleark, rapport, skabeloner eller invitation som PDF, handlingerne som CSV/kalender "
        "eller hele sessionen som sessionsfil",
    )
    export.add_argument("session", help="sessionens id eller titel, som i 'facilitator list'")
    export.add_argument("--pdf", metavar="FIL.pdf", help="gem et PDF-dokument her")
    export.add_argument(
        "--sheet",
        choices=SHEET_CHOICES,
        default="next-steps",
        help="hvilket dokument: aftaleark (standard), fuld rapport, tomme skabeloner, invitation eller statusrapport",
    )
    export.add_argument("--partner", help="aftaleark til én partner (navn, organisation eller initialer)")
    export.add_argument("--notes", action="store_true", help="tag facilitatorens egne noter med i rapporten")
    export.add_argument("--a3", action="store_true", help="skabelonerne i A3 i stedet for A4")
    export.add_argument("--csv", metavar="FIL.csv", help="gem handlingerne som CSV (til Excel)")
    export.add_argument("--ics", metavar="FIL.ics", help="gem handlingernes frister som kalender")
    export.add_argument(
        "--file", metavar="FIL.json", help="gem hele sessionen som sessionsfil (til en anden computer eller arkivet)"
    )
    export.add_argument("--lang", choices=("da", "en"), default="da", help="sprog (standard dansk)")

    followup = commands.add_parser(
        "followup", help="opret partnerskabets næste møde efter en session; udskriver id og titel"
    )
    followup.add_argument("session", help="sessionens id eller titel, som i 'facilitator list'")
    followup.add_argument(
        "--program", metavar="FIL.toml", help="programmet for det nye møde (standard: sessionens eget program)"
    )
    followup.add_argument("--date", metavar="ÅÅÅÅ-MM-DD", help="mødets dato")
    followup.add_argument("--title", help="mødets titel (standard: partnerskabets navn og mødets nummer)")

    log = commands.add_parser(
        "log", help="partnerskabets handlingslog: alle handlinger fra alle dets møder, som de står nu"
    )
    log.add_argument("session", help="en af partnerskabets sessioner (id eller titel)")
    log.add_argument("--partner", help="kun denne partners handlinger (navn, organisation eller initialer)")
    log.add_argument("--status", choices=("open", "started", "done", "dropped"), help="kun handlinger med denne status")
    log.add_argument("--overdue", action="store_true", help="kun handlinger, hvis frist er overskredet i dag")
    log.add_argument("--csv", metavar="FIL.csv", help="gem loggen som CSV (til Excel)")
    log.add_argument("--ics", metavar="FIL.ics", help="gem fristerne som kalender")
    log.add_argument("--lang", choices=("da", "en"), default="da", help="sprog (standard dansk)")

    import_ = commands.add_parser("import", help="indlæs en sessionsfil (gemt med 'facilitator export --file')")
    import_.add_argument("file", metavar="FIL.json", help="sessionsfilen")
    existing = import_.add_mutually_exclusive_group()
    existing.add_argument(
        "--replace", action="store_true", help="findes sessionen allerede, erstattes den af filens udgave"
    )
    existing.add_argument(
        "--keep-both",
        action="store_true",
        help="findes sessionen allerede, beholdes begge; den indlæste får »(importeret)« i titlen",
    )

    room = commands.add_parser(
        "room",
        help="åbn rummet for partnerne uden vinduet: skriver adressen og svarer, til Ctrl+C (alle godkendes)",
    )
    room.add_argument("session", help="sessionens id eller titel, som i 'facilitator list'")
    room.add_argument(
        "--bind", metavar="ADRESSE", help="IP-adressen der lyttes på (standard: computerens adresse på netværket)"
    )
    room.add_argument("--port", type=int, default=0, help="porten (standard: en ledig)")
    room.add_argument("--step", metavar="TRIN", help="sæt sessionens aktuelle trin først (trinnets id)")

    from facilitator.archive.commands import add_archive_parser

    add_archive_parser(commands)
    return parser


SHEET_CHOICES = ("next-steps", "report", "templates", "invitation", "status")


def _schedule(args: argparse.Namespace) -> int:
    from facilitator.program import build_schedule, format_clock, load_program

    program = load_program(args.program or default_program_path())
    schedule = build_schedule(program, args.start)
    if args.json:
        print(json.dumps(schedule.to_json(args.lang), ensure_ascii=False, indent=2))
        return 0
    language = args.lang
    print(f"{program.title.get(language)}  {format_clock(schedule.start)}-{format_clock(schedule.end)}")
    for item, scheduled in zip(program.items, schedule.items, strict=True):
        times = f"{format_clock(scheduled.start)}-{format_clock(scheduled.end)}"
        if scheduled.kind == "part":
            print(
                f"\n{times}  {item.number}. {item.label.get(language)}: {item.title.get(language)} ({scheduled.minutes} min)"
            )
            for step in scheduled.steps:
                print(
                    f"  {format_clock(step.start)}-{format_clock(step.end)}  {step.title.get(language)} ({step.minutes} min)"
                )
        else:
            print(f"\n{times}  {scheduled.title.get(language)} ({scheduled.minutes} min)")
    return 0


def _open_store(args: argparse.Namespace):
    from facilitator.store import Store

    paths = AppPaths.resolve(args.data_dir)
    return Store(paths.database)


def _list(args: argparse.Namespace) -> int:
    store = _open_store(args)
    try:
        for summary in store.list_sessions():
            date = summary.date.isoformat() if summary.date else ""
            print(f"{summary.id}\t{date}\t{summary.title}")
    finally:
        store.close()
    return 0


def _demo(args: argparse.Namespace) -> int:
    from facilitator.demo import create_demo_followup, create_demo_session

    store = _open_store(args)
    try:
        session_id = create_demo_session(store)
        followup_id = create_demo_followup(store, session_id)
        store.set_last_session_id(session_id)
    finally:
        store.close()
    print(
        f"Demosessionen er oprettet (id {session_id}) med et opfølgningsmøde to måneder senere "
        f"(id {followup_id}). Start appen med: facilitator"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from facilitator.export import actions_csv, actions_ics, build_pdf, find_partner, save, take_snapshot

    if not (args.pdf or args.csv or args.ics or args.file):
        raise UserError(
            Text(
                "Angiv mindst én af --pdf, --csv, --ics og --file.",
                "Give at least one of --pdf, --csv, --ics and --file.",
            )
        )
    if args.partner and args.sheet != "next-steps":
        raise UserError(Text("--partner gælder kun aftalearket.", "--partner only applies to the next-steps sheet."))
    store = _open_store(args)
    try:
        session_id = store.find_session(args.session)
        snapshot = take_snapshot(store, session_id) if (args.pdf or args.csv or args.ics) else None
        document = store.export_session(session_id) if args.file else None
    finally:
        store.close()
    partner = find_partner(snapshot, args.partner) if args.partner and snapshot else None
    written = []
    if args.pdf:
        data = build_pdf(
            snapshot,
            args.sheet,
            args.lang,
            partner=partner,
            notes=args.notes,
            pagesize="A3" if args.a3 else "A4",
        )
        written.append(save(args.pdf, data))
    if args.csv:
        written.append(save(args.csv, actions_csv(snapshot, args.lang)))
    if args.ics:
        written.append(save(args.ics, actions_ics(snapshot, args.lang)))
    if document is not None:
        from facilitator.export.session_file import write_session_file

        written.append(write_session_file(args.file, document))
    for path in written:
        print(f"Gemt: {path}")
    return 0


def _followup(args: argparse.Namespace) -> int:
    import datetime as dt

    date = None
    if args.date is not None:
        try:
            date = dt.date.fromisoformat(args.date.strip())
        except ValueError:
            raise UserError(
                Text(
                    f"--date: »{args.date}« er ikke en dato. Skriv den som ÅÅÅÅ-MM-DD, fx 2026-06-24.",
                    f"--date: “{args.date}” is not a date. Write it as YYYY-MM-DD, e.g. 2026-06-24.",
                )
            ) from None
    program = None
    if args.program:
        from facilitator.program import load_program

        program = load_program(args.program)
    store = _open_store(args)
    try:
        session_id = store.find_session(args.session)
        if program is not None:
            name, text = program.source_name, program.source_text
        else:
            # The program the session was created with, as stored: its file may be gone.
            source = store.get_session(session_id)
            name, text = source.program_name, source.program_text
        title = args.title if args.title is not None else store.followup_title(session_id)
        created = store.create_followup(session_id, program_name=name, program_text=text, date=date, title=title)
    finally:
        store.close()
    print(f"{created.id}\t{created.title}")
    return 0


def _log(args: argparse.Namespace) -> int:
    import datetime as dt

    from facilitator.conversation.action_status import light_label, status_label
    from facilitator.export import action_log_csv, action_log_ics, find_partner, save, take_snapshot

    today = dt.date.today()
    store = _open_store(args)
    try:
        session_id = store.find_session(args.session)
        partnership = store.partnership_of(session_id)
        if partnership is None:
            raise UserError(
                Text(
                    f"Sessionen »{args.session}« hører ikke til et partnerskab. Opret et opfølgningsmøde med: "
                    "facilitator followup",
                    f"The session “{args.session}” belongs to no partnership. Create a follow-up with: "
                    "facilitator followup",
                )
            )
        partner = find_partner(take_snapshot(store, session_id), args.partner) if args.partner else None
        entries = store.action_log(
            partnership.id,
            partner_id=partner.id if partner else None,
            status=args.status,
            overdue_on=today if args.overdue else None,
        )
    finally:
        store.close()
    if args.csv:
        print(f"Gemt: {save(args.csv, action_log_csv(entries, today, args.lang))}")
    if args.ics:
        print(f"Gemt: {save(args.ics, action_log_ics(entries, partnership.name, args.lang))}")
    if not (args.csv or args.ics):
        for entry in entries:
            action = entry.action
            light = light_label(action.light, args.lang) if action.light else ""
            due = action.due.isoformat() if action.due else ""
            status = status_label(action.status, args.lang)
            print("\t".join((due, status, light, entry.owner, action.what)))
    return 0


def _import(args: argparse.Namespace) -> int:
    from facilitator.export.session_file import SessionExists, read_session_file

    document = read_session_file(args.file)
    on_existing = "replace" if args.replace else "keep-both" if args.keep_both else "ask"
    store = _open_store(args)
    try:
        try:
            session_id = store.import_session(document, on_existing=on_existing)
        except SessionExists as exists:
            raise UserError(
                Text(
                    f"Sessionen »{exists.title}« (id {exists.session_id}) findes allerede. Brug --replace for at "
                    "erstatte den med filens udgave eller --keep-both for at beholde begge.",
                    f"The session “{exists.title}” (id {exists.session_id}) is already here. Use --replace to "
                    "replace it with the file's version or --keep-both to keep both.",
                )
            ) from None
        title = store.get_session(session_id).title
    finally:
        store.close()
    print(f"Indlæst: »{title}« (id {session_id})")
    return 0


def _room(args: argparse.Namespace) -> int:
    from facilitator.room.command import serve

    store = _open_store(args)
    try:
        return serve(
            store, args.session, bind=args.bind, port=args.port, step=args.step, out=sys.stdout, err=sys.stderr
        )
    finally:
        store.close()


def _archive(args: argparse.Namespace) -> int:
    from facilitator.archive.commands import run_archive

    return run_archive(args, AppPaths.resolve(args.data_dir))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `facilitator` command."""
    args = _parser().parse_args(argv)
    if args.self_test:
        from facilitator.selftest import run_self_test

        return run_self_test(sys.stdout)
    handlers = {
        "schedule": _schedule,
        "list": _list,
        "demo": _demo,
        "export": _export,
        "followup": _followup,
        "log": _log,
        "import": _import,
        "room": _room,
        "archive": _archive,
    }
    try:
        if args.command is None:
            from facilitator.ui.app import run

            return run(AppPaths.resolve(args.data_dir))
        return handlers[args.command](args)
    except UserError as error:
        print(f"facilitator: {error.message()}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
