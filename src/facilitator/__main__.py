"""Command line: the GUI by default; `schedule`, `list` and `demo` without a window."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from facilitator import __version__
from facilitator.paths import AppPaths, default_program_path
from facilitator.text import UserError

EXIT_USAGE = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator",
        description="Facilitator: kører en partnerskabssession for bæredygtig omstilling.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument(
        "--data-dir", help="mappe til databasen (ellers FACILITATOR_DATA_DIR eller brugerens datamappe)"
    )
    commands = parser.add_subparsers(dest="command")

    schedule = commands.add_parser("schedule", help="vis dagens program med klokkeslæt")
    schedule.add_argument("program", nargs="?", help="programfil (TOML); standard er metodens heldagsprogram")
    schedule.add_argument("--start", default="09:00", help="starttidspunkt TT:MM (standard 09:00)")
    schedule.add_argument("--json", action="store_true", help="udskriv som JSON")
    schedule.add_argument("--lang", choices=("da", "en"), default="da", help="sprog for titler")

    commands.add_parser("list", help="vis gemte sessioner, nyeste først")
    commands.add_parser("demo", help="opret demosessionen")
    return parser


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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `facilitator` command."""
    args = _parser().parse_args(argv)
    handlers = {"schedule": _schedule, "list": _list, "demo": _demo}
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
