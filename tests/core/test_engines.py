"""The store on PostgreSQL: the migrations, the text limits and the refusals that differ from a file."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from facilitator.program import Program
from facilitator.store import Store, StoreError
from facilitator.store.database import _MIGRATIONS_DIR, REVISIONS, SCHEMA_HEAD, current_revision, open_server_engine
from facilitator.store.limits import MAX_TEXT_LENGTH
from tests.postgres import Cluster

pytestmark = pytest.mark.both_engines


def _upgrade(url, revision: str) -> None:
    engine = open_server_engine(url)
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


@pytest.mark.postgresql
@pytest.mark.parametrize("revision", REVISIONS)
def test_every_migration_runs_on_postgresql_and_the_store_takes_it_to_the_head(
    postgres_cluster: Cluster, revision: str
):
    name = postgres_cluster.new_name("migrate")
    postgres_cluster.create_database(name)
    try:
        _upgrade(postgres_cluster.url(name), revision)
        store = Store.on_server(postgres_cluster.url(name))
        try:
            assert current_revision(store._engine) == SCHEMA_HEAD
        finally:
            store.close()
    finally:
        postgres_cluster.drop_database(name)


@pytest.mark.postgresql
def test_a_server_database_of_a_newer_app_is_refused_and_left_alone(postgres_cluster: Cluster):
    name = postgres_cluster.new_name("newer")
    postgres_cluster.create_database(name)
    try:
        Store.on_server(postgres_cluster.url(name)).close()
        engine = open_server_engine(postgres_cluster.url(name))
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        with pytest.raises(StoreError, match=r"nyere version.*skema 9999"):
            Store.on_server(postgres_cluster.url(name))
        assert current_revision(engine) == "9999"
        engine.dispose()
    finally:
        postgres_cluster.drop_database(name)


@pytest.mark.postgresql
def test_a_database_of_another_program_is_refused(postgres_cluster: Cluster):
    name = postgres_cluster.new_name("other")
    postgres_cluster.create_database(name)
    try:
        engine = open_server_engine(postgres_cluster.url(name))
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE invoices (id integer primary key)"))
        with pytest.raises(StoreError, match="andet program"):
            Store.on_server(postgres_cluster.url(name))
        with engine.connect() as connection:
            assert (
                connection.execute(
                    text("SELECT count(*) FROM information_schema.tables WHERE table_name = 'sessions'")
                ).scalar()
                == 0
            )
        engine.dispose()
    finally:
        postgres_cluster.drop_database(name)


def test_the_longest_texts_the_store_allows_are_kept_whole(store: Store, program: Program):
    """SQLite never held a VARCHAR(500) to its length; PostgreSQL would, so the long lines are text there."""
    long = "æ" * MAX_TEXT_LENGTH
    session_id = store.create_session(program, title=long, venue=long, facilitator=long)
    partner = store.add_partner(session_id, "Mette", organisation=long)
    data = store.get_session(session_id)
    assert (data.title, data.venue, data.facilitator) == (long, long, long)
    assert store.partners(session_id)[0].organisation == partner.organisation == long


def test_texts_sort_the_same_in_a_session_file_on_both_engines(store: Store, program: Program):
    """The session file orders notes by their ids as bytes, whatever the server's collation."""
    session_id = store.create_session(program, title="Orden")
    for item in ("b-punkt", "B-punkt", "a-punkt", "Å-punkt", "_punkt"):
        store.set_checklist_item(session_id, item, done=True)
    document = store.export_session(session_id)
    assert [row["item_id"] for row in document["checklist"]] == sorted(
        ["b-punkt", "B-punkt", "a-punkt", "Å-punkt", "_punkt"]
    )


def test_a_laptop_that_never_uses_the_archive_never_loads_the_driver(tmp_path):
    """Offline is normal: the local store and the command line's parser leave psycopg unloaded."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from facilitator.store import Store; "
        "from facilitator.__main__ import _parser; _parser(); "
        f"Store(Path({str(tmp_path / 'f.sqlite3')!r})).close(); "
        "print(sorted(m for m in sys.modules if m.startswith(('psycopg', 'facilitator.archive.sync'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_server_is_named_in_messages_without_its_password_or_driver():
    from facilitator.store.store import server_name

    named = server_name("postgresql+psycopg://anna:hemmelig@arkiv.example.org:5432/partnerskaber?sslmode=require")
    assert named == "postgresql://anna@arkiv.example.org:5432/partnerskaber"
