"""The store's tests on both engines: SQLite files and a throw-away PostgreSQL cluster.

A test module marked `both_engines` runs each test that uses the `store` fixture (or
`other_store`, `demo`) once per engine: `[sqlite]` and `[postgresql]`. A test in such a module
that is about the SQLite file itself (backups, WAL, pragmas, the bytes on disk) carries
`@pytest.mark.sqlite_only("why")` and runs on SQLite alone.

Which engines run: `--db=sqlite|postgresql|both` or `FACILITATOR_TEST_DB`; the default is
both. Without PostgreSQL's server binaries a local run leaves the PostgreSQL cases out and
says so in the header; under CI (CI=true), or when PostgreSQL was asked for by name, they
fail instead, naming what is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from facilitator.demo import create_demo_session
from facilitator.store import Store
from tests.postgres import Cluster, PostgresMissing, server_binaries, start_cluster

ENGINES = ("sqlite", "postgresql")
DB_ENV = "FACILITATOR_TEST_DB"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        choices=("sqlite", "postgresql", "both"),
        default=None,
        help=f"the engines the store's tests run on (default: ${DB_ENV} or both)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_engines: the module's store tests run on SQLite and on PostgreSQL")
    config.addinivalue_line(
        "markers", "sqlite_only(reason): about the SQLite file itself; runs on SQLite alone in a both_engines module"
    )
    config.addinivalue_line("markers", "postgresql: needs the throw-away PostgreSQL cluster")


def _choice(config: pytest.Config) -> str:
    return config.getoption("--db") or os.environ.get(DB_ENV) or "both"


def _must_have_postgres(config: pytest.Config) -> bool:
    return _choice(config) == "postgresql" or os.environ.get("CI", "").lower() in ("true", "1")


def selected_engines(config: pytest.Config) -> tuple[str, ...]:
    """The engines this run tests the store on."""
    choice = _choice(config)
    if choice == "sqlite":
        return ("sqlite",)
    if server_binaries() is None and not _must_have_postgres(config):
        return ("sqlite",)
    return ("postgresql",) if choice == "postgresql" else ENGINES


def pytest_report_header(config: pytest.Config) -> str:
    engines = selected_engines(config)
    note = "" if "postgresql" in engines or _choice(config) == "sqlite" else " (PostgreSQL's server is not installed)"
    return f"store engines: {', '.join(engines)}{note}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_engine" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    if metafunc.definition.get_closest_marker("both_engines") is None:
        return
    metafunc.parametrize("db_engine", selected_engines(metafunc.config), scope="function")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Tests of the server alone (marked postgresql) leave a run without PostgreSQL, as the
    # header says; under CI they stay and fail on the missing server.
    if "postgresql" in selected_engines(config):
        return
    left_out = [item for item in items if item.get_closest_marker("postgresql") is not None]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item.get_closest_marker("postgresql") is None]


@pytest.fixture
def db_engine() -> str:
    """The engine the test's store runs on; only `both_engines` modules get "postgresql" too."""
    return "sqlite"


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """The run's throw-away PostgreSQL cluster on 127.0.0.1, stopped and removed at the end."""
    try:
        cluster = start_cluster()
    except PostgresMissing as error:
        pytest.fail(f"PostgreSQL is needed for this run and missing: {error}", pytrace=False)
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture(scope="session")
def postgres_template(postgres_cluster: Cluster) -> str:
    """A database migrated to the newest schema once per run; tests get copies."""
    name = "facilitator_template"
    postgres_cluster.create_database(name)
    Store.on_server(postgres_cluster.url(name)).close()
    return name


@pytest.fixture(scope="session")
def postgres_demo_template(postgres_cluster: Cluster, postgres_template: str) -> tuple[str, int]:
    """A database holding the demo session and nothing else, built once per run: (name, session id)."""
    name = "facilitator_demo"
    postgres_cluster.create_database(name, template=postgres_template)
    store = Store.on_server(postgres_cluster.url(name))
    try:
        session_id = create_demo_session(store)
    finally:
        store.close()
    return name, session_id


class PostgresDatabases:
    """The test's own databases in the cluster, each a copy of a template, dropped at the end."""

    def __init__(self, cluster: Cluster, template: str) -> None:
        self.cluster = cluster
        self.template = template
        self.names: dict[int, str] = {}
        self._created: list[str] = []

    def open(self) -> Store:
        """A store on a new copy of the empty template."""
        name = self.cluster.new_name()
        self.cluster.create_database(name, template=self.template)
        self._created.append(name)
        store = Store.on_server(self.cluster.url(name))
        self.names[id(store)] = name
        return store

    def replace_contents(self, store: Store, template: str) -> None:
        """Make the store's database a copy of `template`; the store reconnects on its next call."""
        name = self.names[id(store)]
        store.close()
        self.cluster.drop_database(name)
        self.cluster.create_database(name, template=template)

    def drop_all(self) -> None:
        for name in self._created:
            self.cluster.drop_database(name)


@pytest.fixture
def postgres_databases(request: pytest.FixtureRequest, db_engine: str) -> Iterator[PostgresDatabases | None]:
    """The test's PostgreSQL databases when it runs on PostgreSQL, else None."""
    if db_engine != "postgresql":
        yield None
        return
    cluster = request.getfixturevalue("postgres_cluster")
    databases = PostgresDatabases(cluster, request.getfixturevalue("postgres_template"))
    yield databases
    databases.drop_all()


@pytest.fixture
def archive_url(postgres_cluster: Cluster, postgres_template: str) -> Iterator[str]:
    """The address of a new, empty team archive in the cluster (the trusted superuser, on loopback)."""
    name = postgres_cluster.new_name("archive")
    postgres_cluster.create_database(name, template=postgres_template)
    yield postgres_cluster.libpq(name)
    postgres_cluster.drop_database(name)
