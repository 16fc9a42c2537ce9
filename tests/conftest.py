"""Shared fixtures. Qt runs offscreen; every test gets its own data directory."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from facilitator.demo import create_demo_session
from facilitator.export.session_file import dump_session
from facilitator.paths import DATA_DIR_ENV, AppPaths, default_program_path
from facilitator.program import Program, load_program
from facilitator.store import Store
from tests.browser import chromium_browser, phone_page  # noqa: F401 (browser fixtures, shared by core and ui tests)
from tests.databases import DatabaseTemplate
from tests.full_disk import FullDisk
from tests.room_client import open_room  # noqa: F401 (the room's fixture, shared by core and ui tests)

if TYPE_CHECKING:
    from tests.engines import PostgresDatabases

# The engines the store's tests run on, and the throw-away PostgreSQL cluster (tests/engines.py).
pytest_plugins = ["tests.engines"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if f"{os.sep}ui{os.sep}" in str(item.path):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _no_real_user_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may land in the user's real data directory."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "default-data"))


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "data")


@pytest.fixture(scope="session")
def program() -> Program:
    return load_program(default_program_path())


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory) -> DatabaseTemplate:
    """A new database, migrated to the newest schema once per run."""
    path = tmp_path_factory.mktemp("empty-database") / "facilitator.sqlite3"
    Store(path).close()
    return DatabaseTemplate(path)


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory, empty_database: DatabaseTemplate) -> DatabaseTemplate:
    """A database holding the demo session and nothing else, built once per run."""
    with empty_database.open_copy(tmp_path_factory.mktemp("demo-database")) as store:
        session_id = create_demo_session(store)
    return DatabaseTemplate(store.path, session_id)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, demo_database: DatabaseTemplate) -> bytes:
    """The demo session exported as a session file, built once per test module."""
    with demo_database.open_copy(tmp_path_factory.mktemp("demo")) as store:
        return dump_session(store.export_session(demo_database.session_id))


@pytest.fixture
def store(paths: AppPaths, empty_database: DatabaseTemplate, postgres_databases: PostgresDatabases | None):
    """The store in the test's data directory: empty (a copy of a new database), unless a fixture filled it.

    In a `both_engines` module's `[postgresql]` case: a copy of a new PostgreSQL database.
    """
    if postgres_databases is not None:
        store = postgres_databases.open()
    else:
        if not paths.database.exists():
            empty_database.copy_to(paths.database)
        store = Store(paths.database)
    yield store
    store.close()


@pytest.fixture
def other_store(tmp_path: Path, empty_database: DatabaseTemplate, postgres_databases: PostgresDatabases | None):
    """A second empty store: another laptop's (on the same engine as `store`)."""
    if postgres_databases is not None:
        store = postgres_databases.open()
        yield store
        store.close()
        return
    with empty_database.open_copy(tmp_path / "other") as store:
        yield store


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> FullDisk:
    """Calls made to fail as on a full disk, until freed: `full_disk.fill(store, "set_step_note")`."""
    return FullDisk(monkeypatch)


@pytest.fixture
def demo(
    request: pytest.FixtureRequest,
    store: Store,
    demo_database: DatabaseTemplate,
    postgres_databases: PostgresDatabases | None,
) -> int:
    """The demo session in `store` (a copy; tests of the demo itself call create_demo_session)."""
    if postgres_databases is not None:
        template, session_id = request.getfixturevalue("postgres_demo_template")
        postgres_databases.replace_contents(store, template)
        return session_id
    return demo_database.replace_contents(store)
