"""Migrations: a fresh database gets every table, and the models match the migrations."""

from __future__ import annotations

import threading

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from privserver.db.engine import make_engine, make_session_factory, migrate, read_only
from privserver.db.models import Base, Organization

EXPECTED_TABLES = {
    "organizations",
    "identities",
    "organization_identities",
    "privileges",
    "privilege_whitelist",
    "assignments",
    "api_clients",
    "role_grants",
    "audit_events",
    "idp_signing_keys",
    "idp_clients",
    "idp_refresh_tokens",
    "alembic_version",
}


def test_migrate_creates_every_table(database_url: str) -> None:
    migrate(database_url)
    migrate(database_url)

    engine = make_engine(database_url)
    try:
        assert set(inspect(engine).get_table_names()) == EXPECTED_TABLES
    finally:
        engine.dispose()


def test_models_match_migrations(database_url: str) -> None:
    migrate(database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_sqlite_pragmas(tmp_path: object) -> None:
    database_url = f"sqlite:///{tmp_path}/pragmas.sqlite"
    migrate(database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    finally:
        engine.dispose()


def test_sqlite_parallel_writers(tmp_path: object) -> None:
    database_url = f"sqlite:///{tmp_path}/writers.sqlite"
    migrate(database_url)
    engine = make_engine(database_url)
    sessions = make_session_factory(engine)
    readers = make_session_factory(read_only(engine))
    errors: list[Exception] = []

    def write(number: int) -> None:
        # Read, then write in the same transaction: with deferred transactions this
        # upgrade from reader to writer fails with "database is locked".
        try:
            for round_number in range(10):
                with sessions() as session, session.begin():
                    session.scalar(text("SELECT count(*) FROM organizations"))
                    tin = f"DK{number:02d}{round_number:06d}"
                    session.add(Organization(tin=tin, name=tin, name_key=tin.casefold()))
                with readers() as session, session.begin():
                    session.scalar(text("SELECT count(*) FROM organizations"))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with sessions() as session:
        assert session.scalar(text("SELECT count(*) FROM organizations")) == 80
    engine.dispose()
