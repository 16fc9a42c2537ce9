"""`facilitator archive connect | push | list | pull | actions`: the team archive from the command line."""

from __future__ import annotations

import argparse
from contextlib import contextmanager

from facilitator.paths import AppPaths
from facilitator.settings import load_settings, save_settings
from facilitator.text import Text, UserError


def add_archive_parser(commands) -> None:
    """The `archive` command and its subcommands, added to the main parser's commands."""
    archive = commands.add_parser("archive", help="teamarkivet: send, hent og se sessioner på holdets PostgreSQL")
    actions = archive.add_subparsers(dest="archive_command", required=True)
    connect = actions.add_parser("connect", help="gem teamarkivets adresse (uden adgangskode) og prøv forbindelsen")
    connect.add_argument("url", help="fx postgresql://facilitator@arkiv.example.org/partnerskaber")
    connect.add_argument(
        "--no-tls", action="store_true", help="tillad forbindelse uden TLS til en anden maskine (kun på sikret net)"
    )
    push = actions.add_parser("push", help="send en session (eller --all) til teamarkivet")
    which = push.add_mutually_exclusive_group(required=True)
    which.add_argument("session", nargs="?", help="sessionens id eller titel, som i 'facilitator list'")
    which.add_argument("--all", action="store_true", help="send alle sessioner")
    push.add_argument("--keep-both", action="store_true", help="er arkivets udgave ændret, gem din ved siden af")
    listing = actions.add_parser("list", help="vis sessionerne i teamarkivet, senest sendte først")
    listing.add_argument(
        "--partnership",
        metavar="NAVN",
        help="kun møderne i partnerskaber, hvis navn indeholder NAVN (og sessioner uden partnerskab med NAVN i titlen)",
    )
    pull = actions.add_parser("pull", help="hent en session fra teamarkivet til denne computer")
    pull.add_argument("session", help="sessionens uid eller titel, som i 'facilitator archive list'")
    pull.add_argument("--keep-both", action="store_true", help="er din udgave ændret, gem arkivets ved siden af")
    view = actions.add_parser("actions", help="alle partnerskabers handlinger i teamarkivet")
    view.add_argument("--overdue", action="store_true", help="kun handlinger, hvis frist er overskredet")
    view.add_argument("--partner", metavar="NAVN", help="kun én partners handlinger (navn eller organisation)")
    view.add_argument("--csv", metavar="FIL.csv", help="gem listen som CSV (til Excel)")


def _address(paths: AppPaths) -> tuple[str, bool]:
    settings, _notice = load_settings(paths.settings_dir)
    if not settings.archive_url:
        raise UserError(
            Text(
                "Intet teamarkiv er valgt. Forbind først: facilitator archive connect postgresql://BRUGER@VÆRT/DATABASE",
                "No team archive is set. Connect first: facilitator archive connect postgresql://USER@HOST/DATABASE",
            )
        )
    return settings.archive_url, settings.archive_plaintext


@contextmanager
def _opened(paths: AppPaths):
    from facilitator.archive.sync import Archive

    url, _plaintext = _address(paths)
    with Archive.open(url) as archive:
        yield archive


def _local(paths: AppPaths):
    from facilitator.store import Store

    return Store(paths.database)


def run_archive(args: argparse.Namespace, paths: AppPaths) -> int:
    """Run one `archive` subcommand; UserError (one line for the user) on refusal."""
    command = args.archive_command
    if command == "connect":
        return _connect(args, paths)
    if command == "list":
        with _opened(paths) as archive:
            for entry in archive.sessions(args.partnership):
                date = entry.date.isoformat() if entry.date else ""
                pushed = entry.pushed_at.strftime("%Y-%m-%d %H:%M")
                print(
                    f"{entry.uid}\t{date}\t{entry.title}\trev {entry.revision}\t{entry.pushed_by}\t{pushed} UTC"
                    f"\t{entry.partners} partnere\t{entry.partnership or '-'}"
                )
        return 0
    if command == "actions":
        with _opened(paths) as archive:
            found = archive.actions(overdue=args.overdue, partner=args.partner)
        if args.csv:
            from facilitator.archive.sync import write_actions_csv

            print(f"Gemt: {write_actions_csv(args.csv, found)}")
            return 0
        for action in found:
            due = action.due.isoformat() if action.due else "-"
            owner = action.owner or action.owner_person
            print(f"{due}\t{action.status}\t{action.session_title}\t{owner}\t{action.what}")
        return 0
    local = _local(paths)
    try:
        with _opened(paths) as archive:
            if command == "push":
                ids = (
                    [summary.id for summary in local.list_sessions()]
                    if args.all
                    else [local.find_session(args.session)]
                )
                for session_id in ids:
                    pushed = archive.push(local, session_id, keep_both=args.keep_both)
                    beside = " (gemt ved siden af arkivets udgave)" if pushed.copy else ""
                    print(f"Sendt: »{pushed.title}« som revision {pushed.revision}{beside}")
            else:
                pulled = archive.pull(local, args.session, keep_both=args.keep_both)
                beside = " (gemt ved siden af din udgave)" if pulled.copy else ""
                print(f"Hentet: »{pulled.title}« revision {pulled.revision} (id {pulled.session_id}){beside}")
    finally:
        local.close()
    return 0


def _connect(args: argparse.Namespace, paths: AppPaths) -> int:
    from facilitator.archive.jobs import try_address

    url, count = try_address(args.url, plaintext=args.no_tls)
    settings, _notice = load_settings(paths.settings_dir)
    save_settings(paths.settings_dir, settings.changed(archive_url=url, archive_plaintext=bool(args.no_tls)))
    print(f"Forbundet til teamarkivet {url} ({count} sessioner). Adressen er gemt uden adgangskode.")
    return 0


__all__ = ["add_archive_parser", "run_archive"]
