"""Command line: the GUI by default; `schedule`, `list`, `demo`, `export`, `import` and `archive` without a window."""

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
        help="hvilket dokument: aftaleark (standard), fuld rapport, tomme skabeloner eller invitation",
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
    from facilitator.archive.commands import add_archive_parser

    add_archive_parser(commands)
    return parser


SHEET_CHOICES = ("next-steps", "report", "templates", "invitation")


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
    from facilitator.demo import create_demo_session

    store = _open_store(args)
    try:
        session_id = create_demo_session(store)
        store.set_last_session_id(session_id)
    finally:
        store.close()
    print(f"Demosessionen er oprettet (id {session_id}). Start appen med: facilitator")
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
        "import": _import,
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
