"""A throw-away PostgreSQL cluster for the test run: started on loopback, trusted, removed at the end.

Debian's server binaries are looked up under /usr/lib/postgresql/<version>/bin (or PG_BIN,
or the PATH). PostgreSQL refuses to run as root, so a root run (CI) hands the cluster's
folder to the `postgres` user and starts the server as that user; the tests reach it as
the superuser `postgres` over TCP on 127.0.0.1, with trust authentication, so no password
is ever typed.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from sqlalchemy import URL

#: The superuser every test connects as.
SUPERUSER = "postgres"


class PostgresMissing(RuntimeError):
    """The PostgreSQL server binaries are not installed."""


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, newest version first; None if there is none."""
    configured = os.environ.get("PG_BIN")
    if configured and (Path(configured) / "initdb").exists():
        return Path(configured)
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name), reverse=True
    )
    if found:
        return found[0].parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Cluster:
    """A running throw-away cluster; `stop()` ends it and removes its files."""

    folder: Path
    port: int
    binaries: Path
    run_as: str | None
    _databases: int = field(default=0)

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None) -> URL:
        """The SQLAlchemy URL of a database in the cluster."""
        return URL.create(
            "postgresql+psycopg", username=user, password=password, host="127.0.0.1", port=self.port, database=database
        )

    def libpq(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        """The libpq connection URL of a database (what `facilitator archive connect` takes)."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def execute(self, *statements: str) -> None:
        """Run statements as the superuser outside a transaction (CREATE DATABASE needs that)."""
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            for statement in statements:
                connection.execute(statement)

    def new_name(self, prefix: str = "test") -> str:
        """A database name not used before in this run."""
        self._databases += 1
        return f"{prefix}_{os.getpid()}_{self._databases}"

    def create_database(self, name: str, template: str | None = None) -> None:
        """A new database; a copy of `template` when given (file copy: fast for small databases)."""
        if template is None:
            # A Danish collation, as a Danish IT department's server would have: texts sort
            # otherwise than SQLite's bytes there (b after B, Å last), which the store must not mind.
            try:
                self.execute(
                    f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' "
                    "LOCALE_PROVIDER icu ICU_LOCALE 'da-DK'"
                )
            except psycopg.Error:
                self.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'")
        else:
            self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')

    def drop_database(self, name: str) -> None:
        """Drop a database, ending any connection still on it."""
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _command(self, *arguments: str) -> list[str]:
        command = [str(self.binaries / arguments[0]), *arguments[1:]]
        return ["runuser", "-u", self.run_as, "--", *command] if self.run_as else command

    def pg_ctl(self, *arguments: str) -> None:
        """Run pg_ctl on the cluster (start, stop, ...), as the user that owns it."""
        subprocess.run(
            self._command("pg_ctl", "-D", str(self.folder / "data"), "-w", *arguments),
            check=True,
            capture_output=True,
            timeout=60,
        )

    def start(self) -> None:
        """Start (or start again) the server."""
        self.pg_ctl("-l", str(self.folder / "server.log"), "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; its files stay until `remove()`."""
        self.pg_ctl("-m", mode, "stop")

    def remove(self) -> None:
        """Stop the server if it runs and delete its files."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    """Initialise and start a new cluster in a new temporary folder; PostgresMissing if there is no server."""
    binaries = server_binaries()
    if binaries is None:
        raise PostgresMissing(
            "PostgreSQL's server (initdb, pg_ctl) is not installed; on Debian: apt-get install postgresql"
        )
    folder = Path(tempfile.mkdtemp(prefix="facilitator-pg-"))
    run_as = None
    if os.geteuid() == 0:
        # The server will not run as root; the cluster belongs to the postgres user instead.
        run_as = SUPERUSER
        account = pwd.getpwnam(run_as)
        os.chown(folder, account.pw_uid, account.pw_gid)
    cluster = Cluster(folder=folder, port=_free_port(), binaries=binaries, run_as=run_as)
    data = folder / "data"
    subprocess.run(
        cluster._command(
            "initdb", "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"
        ),
        check=True,
        capture_output=True,
        timeout=120,
    )
    options = {
        "listen_addresses": "'127.0.0.1'",
        "port": str(cluster.port),
        "unix_socket_directories": f"'{folder}'",
        # A throw-away cluster: losing it in a power cut costs nothing, and tests run faster.
        # Commits still reach the WAL before they return (written, not synced): a test stops
        # the server mid-push and expects the push before it to have survived the crash.
        "fsync": "off",
        "synchronous_commit": "on",
        "full_page_writes": "off",
        "max_connections": "100",
        "shared_buffers": "32MB",
    }
    with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write("".join(f"\n{key} = {value}" for key, value in options.items()) + "\n")
    # The tests' superuser is trusted; every other role logs in with its password, so a wrong
    # one is refused as on a real server.
    (data / "pg_hba.conf").write_text(
        f"local all all trust\nhost all {SUPERUSER} 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n",
        encoding="utf-8",
    )
    cluster.start()
    deadline = time.monotonic() + 30
    while True:
        try:
            cluster.execute("SELECT 1")
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    return cluster
