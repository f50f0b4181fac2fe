"""Engines, sessions and migrations for SQLite and PostgreSQL."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

log = logging.getLogger("privserver.db")

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Execution option marking transactions that only read; on SQLite they begin deferred.
READ_ONLY_OPTION = "privserver_read_only"


def normalize_url(database_url: str) -> str:
    """Return `database_url` with PostgreSQL URLs pinned to the psycopg 3 driver."""
    url = make_url(database_url)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def make_engine(database_url: str) -> Engine:
    """Create an engine: SQLite with WAL, foreign keys and BEGIN IMMEDIATE; PostgreSQL via psycopg."""
    url = make_url(normalize_url(database_url))
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    memory = url.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if memory:
        kwargs["poolclass"] = StaticPool
    engine = create_engine(url, **kwargs)
    _configure_sqlite(engine, wal=not memory)
    return engine


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    # pysqlite's own transaction handling begins deferred transactions, which fail with
    # "database is locked" under parallel writers whatever the busy timeout. Turning it off
    # and emitting BEGIN IMMEDIATE ourselves takes the write lock at the start instead.
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, connection_record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def read_only(engine: Engine) -> Engine:
    """Return a view of `engine` whose transactions only read.

    Every other transaction on SQLite begins IMMEDIATE and so holds the write
    lock; read transactions begin deferred and run beside a writer under WAL.
    """
    return engine.execution_options(**{READ_ONLY_OPTION: True})


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Create the session factory of `engine`; objects stay readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(database_url: str) -> Config:
    """Build the Alembic configuration programmatically, so no alembic.ini has to be found."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # ConfigParser treats "%" as interpolation; a password may contain one.
    config.set_main_option("sqlalchemy.url", normalize_url(database_url).replace("%", "%%"))
    return config


def migrate(database_url: str) -> None:
    """Upgrade the database at `database_url` to the newest schema (Alembic upgrade head)."""
    log.info("Migrating database %s", make_url(database_url).render_as_string(hide_password=True))
    command.upgrade(alembic_config(database_url), "head")
