"""Fixtures of the demo identity provider's tests: a small database and a provider on loopback."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from privserver.db.engine import make_engine, make_session_factory, migrate
from privserver.db.models import (
    ApiClient,
    Identity,
    IdpClient,
    Organization,
    OrganizationIdentity,
    RoleGrant,
)
from privserver.demo_idp import Lifetimes
from privserver.domain.secrets import hash_secret
from privserver.embedded import EmbeddedServer

PROVIDER_TIN = "DK11111111"
CUSTOMER_TIN = "DK22222222"
ADMIN_ID = "0b6f7c52-6f43-4d1f-9a51-1f0c2a3d4e01"
EMPLOYEE_ID = "5e1d9a80-3c2b-4e4f-8a7b-6c5d4e3f2a10"
DESKTOP_CLIENT = "privadmin-desktop"
SERVICE_CLIENT = "pension-reporter-web"
SERVICE_SECRET = "service-secret-for-tests-0123456789"
API_CLIENT = "pension-api"
API_SECRET = "api-secret-for-tests-0123456789"
LOOPBACK_CALLBACK = "http://127.0.0.1/callback"
POSTGRES_URL_VARIABLE = "PRIVSERVER_TEST_POSTGRES_URL"


class AdjustableClock:
    """Wall-clock time plus an offset that a test moves forward."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


def _add_rows(session: Session) -> None:
    session.add_all(
        [
            Organization(
                tin=PROVIDER_TIN,
                name="Pension Danmark Test A/S",
                name_key="pension danmark test a/s",
            ),
            Organization(tin=CUSTOMER_TIN, name="Ærø Revision ApS", name_key="ærø revision aps"),
        ]
    )
    session.flush()
    admin = Identity(
        idp="mitid_erhverv",
        idp_identity_id=ADMIN_ID,
        name="Søren Østergaard",
        search_key="søren østergaard",
        employer_tin=CUSTOMER_TIN,
    )
    employee = Identity(
        idp="mitid_erhverv",
        idp_identity_id=EMPLOYEE_ID,
        name="Åse Jensen",
        search_key="åse jensen",
        employer_tin=CUSTOMER_TIN,
    )
    session.add_all([admin, employee])
    session.flush()
    session.add_all(
        [
            OrganizationIdentity(organization_tin=CUSTOMER_TIN, identity_id=admin.id),
            OrganizationIdentity(organization_tin=CUSTOMER_TIN, identity_id=employee.id),
            RoleGrant(
                organization_tin=CUSTOMER_TIN,
                principal_kind="identity",
                principal_key=f"mitid_erhverv:{ADMIN_ID}",
                role="PrivilegeAssigner",
            ),
            IdpClient(
                client_id=DESKTOP_CLIENT,
                name="privadmin",
                public=True,
                secret_hash=None,
                redirect_uris={"uris": [LOOPBACK_CALLBACK]},
            ),
            IdpClient(
                client_id=SERVICE_CLIENT,
                name="Pension Reporter",
                public=False,
                secret_hash=hash_secret(SERVICE_SECRET),
                redirect_uris={"uris": [LOOPBACK_CALLBACK], "organizationTin": PROVIDER_TIN},
            ),
            ApiClient(
                client_id=API_CLIENT,
                organization_tin=PROVIDER_TIN,
                name="Pension API",
                secret_hash=hash_secret(API_SECRET),
            ),
        ]
    )


def make_small_database(directory: Path) -> str:
    """Create a migrated SQLite database with two organizations, two identities and three clients."""
    return fill_small_database(f"sqlite:///{directory / 'idp.sqlite'}")


def fill_small_database(database_url: str) -> str:
    """Migrate the empty database at `database_url` and add the rows of `make_small_database`."""
    migrate(database_url)
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine).begin() as session:
            _add_rows(session)
    finally:
        engine.dispose()
    return database_url


@dataclass
class IdpUnderTest:
    """A demo identity provider served alone on loopback, with a clock the test can move."""

    server: EmbeddedServer
    clock: AdjustableClock
    database_url: str

    @property
    def issuer(self) -> str:
        return self.server.issuer

    def url(self, path: str) -> str:
        return f"{self.server.issuer}{path}"


@contextmanager
def postgres_database(server_url: str) -> Iterator[str]:
    """Create a fresh database on the PostgreSQL server at `server_url`, and drop it afterwards."""
    url = make_url(server_url)
    name = f"idp_{uuid.uuid4().hex[:12]}"
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(
                not os.environ.get(POSTGRES_URL_VARIABLE),
                reason=f"set {POSTGRES_URL_VARIABLE} to run against PostgreSQL",
            ),
        ],
    ),
]


@pytest.fixture(scope="session")
def small_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the small SQLite database once; tests get copies, which skips a migration each."""
    directory = tmp_path_factory.mktemp("idp-template")
    make_small_database(directory)
    return directory / "idp.sqlite"


@pytest.fixture(params=BACKENDS)
def idp_database(
    request: pytest.FixtureRequest, tmp_path: Path, small_sqlite_template: Path
) -> Iterator[str]:
    """The small database on SQLite, and on PostgreSQL when PRIVSERVER_TEST_POSTGRES_URL is set."""
    if request.param == "sqlite":
        copy = tmp_path / "idp.sqlite"
        shutil.copyfile(small_sqlite_template, copy)
        yield f"sqlite:///{copy}"
        return
    with postgres_database(os.environ[POSTGRES_URL_VARIABLE]) as database_url:
        yield fill_small_database(database_url)


@pytest.fixture
def idp(idp_database: str) -> Iterator[IdpUnderTest]:
    database_url = idp_database
    clock = AdjustableClock()
    server = EmbeddedServer(
        database_url,
        serve_api=False,
        idp_clock=clock,
        idp_lifetimes=Lifetimes(),
    )
    server.start()
    try:
        yield IdpUnderTest(server=server, clock=clock, database_url=database_url)
    finally:
        server.stop()
