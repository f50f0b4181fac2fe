"""Fixtures of the server tests: a live privserver on loopback, a test issuer and a small world."""

from __future__ import annotations

import dataclasses
import os
import shutil
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from joserfc import jwt
from joserfc.jwk import ECKey, KeySet, RSAKey
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from privserver.api.app import create_app
from privserver.auth.tokens import StaticJwks
from privserver.config import DEFAULT_AUDIENCE, Settings
from privserver.db.engine import make_engine, make_session_factory, migrate
from privserver.db.models import Base
from privserver.domain import administrators, api_clients, organizations, privileges
from privserver.domain import identities as identity_store
from privserver.domain.caller import Caller
from privserver.domain.values import Role

ISSUER = "https://issuer.privserver.test/op"
POSTGRES_URL_VARIABLE = "PRIVSERVER_TEST_POSTGRES_URL"
ALL_ROLES = set(Role)


class TokenMinter:
    """Mints access tokens shaped like the Nets eID Broker's, signed with keys the server trusts."""

    def __init__(self) -> None:
        self.es_key = ECKey.generate_key("P-256", parameters={"kid": "test-es256", "use": "sig"})
        self.rs_key = RSAKey.generate_key(2048, parameters={"kid": "test-rs256", "use": "sig"})
        self.public_keys = KeySet.import_key_set(
            {"keys": [self.es_key.as_dict(private=False), self.rs_key.as_dict(private=False)]}
        )
        self.jwks = StaticJwks(lambda: self.public_keys)

    def sign(
        self, claims: dict[str, Any], *, key: Any = None, alg: str = "ES256", typ: str = "at+jwt"
    ) -> str:
        if key is None:
            key = self.rs_key if alg == "RS256" else self.es_key
        return jwt.encode({"alg": alg, "typ": typ, "kid": key.kid}, claims, key)

    def claims(self, **overrides: Any) -> dict[str, Any]:
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "aud": DEFAULT_AUDIENCE,
            "iat": now,
            "nbf": now,
            "exp": now + 600,
            "jti": uuid.uuid4().hex,
        }
        claims.update(overrides)
        return {key: value for key, value in claims.items() if value is not None}

    def person_token(
        self,
        person: Person,
        *,
        scope: list[str] | str | None = None,
        client_id: str = "privadmin-desktop",
        client_org: str | None = None,
        **overrides: Any,
    ) -> str:
        claims = self.claims(
            sub=str(uuid.uuid5(uuid.NAMESPACE_URL, person.idp_identity_id)),
            scope=scope if scope is not None else ["openid", "nemlogin", "privilege_api"],
            client_id=client_id,
            idp=person.idp,
            idp_identity_id=person.idp_identity_id,
            identity_type="professional",
            client_org_taxation_number=client_org,
            **{
                "nemlogin.cvr": person.employer_tin.removeprefix("DK")
                if person.employer_tin
                else None
            },
        )
        claims.update(overrides)
        return self.sign({key: value for key, value in claims.items() if value is not None})

    def service_token(self, client_id: str, organization_tin: str, **overrides: Any) -> str:
        claims = self.claims(
            sub=client_id,
            client_id=client_id,
            scope=["privilege_api"],
            client_at_type="service_token",
            client_org_taxation_number=organization_tin,
        )
        claims.update(overrides)
        return self.sign(claims)


@dataclass(frozen=True)
class Person:
    name: str
    employer_tin: str | None
    idp: str = "mitid_erhverv"
    idp_identity_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def key(self) -> tuple[str, str]:
        return self.idp, self.idp_identity_id


class LiveServer:
    """privserver's API served by uvicorn in a background thread on 127.0.0.1 and a free port."""

    def __init__(self, database_url: str, issuer: TokenMinter, **settings: Any) -> None:
        self.database_url = database_url
        self.settings = Settings(database_url=database_url, issuer=ISSUER, **settings)
        self.app = create_app(self.settings, jwks=issuer.jwks)
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=0, log_level="warning", lifespan="on"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, name="privserver-test", daemon=True
        )
        self.base_url = ""

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start within 20 s")
            time.sleep(0.01)
        port = self._server.servers[0].sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=20)


@dataclass
class World:
    """Organizations, people, API clients and privileges that the tests build on."""

    session_factory: Any
    provider_tin: str = "DK10000001"
    other_provider_tin: str = "DK10000002"
    customer_tin: str = "DK20000001"
    other_customer_tin: str = "DK20000002"
    people: dict[str, Person] = field(default_factory=dict)
    clients: dict[str, str] = field(default_factory=dict)
    privileges: dict[str, str] = field(default_factory=dict)

    def session(self) -> Session:
        return self.session_factory()  # type: ignore[no-any-return]

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Return every row of every table, to show that a rejected request changed nothing."""
        with self.session() as session:
            return {
                table.name: sorted(
                    (tuple(str(value) for value in row) for row in session.execute(table.select())),
                    key=str,
                )
                for table in Base.metadata.sorted_tables
            }

    def build(self) -> None:
        with self.session() as session, session.begin():
            for tin, name in [
                (self.provider_tin, "Pension Danmark Test A/S"),
                (self.other_provider_tin, "Løn & Regnskab Test ApS"),
                (self.customer_tin, "Ærø Revision ApS"),
                (self.other_customer_tin, "Østjysk Tømrer A/S"),
            ]:
                organizations.ensure(session, tin, name)
            for label, tin in [
                ("provider_admin", self.provider_tin),
                ("other_provider_admin", self.other_provider_tin),
                ("customer_admin", self.customer_tin),
                ("other_customer_admin", self.other_customer_tin),
            ]:
                person = Person(label.replace("_", " ").title(), tin)
                self.people[label] = person
                administrators.put(
                    session, "test", tin, person.idp, person.idp_identity_id, ALL_ROLES
                )
                identity_store.put(
                    session, "test", tin, person.idp, person.idp_identity_id, name=person.name
                )
            employee = Person("Åse Jensen", self.customer_tin)
            self.people["employee"] = employee
            identity_store.put(
                session,
                "test",
                self.customer_tin,
                employee.idp,
                employee.idp_identity_id,
                name=employee.name,
                email="aase.jensen@aeroe.test",
            )
            self.people["outsider"] = Person("Ole Udenfor", None)
            for label, tin in [
                ("provider_api", self.provider_tin),
                ("other_provider_api", self.other_provider_tin),
            ]:
                api_clients.register(
                    session, tin, label.replace("_", "-"), name=label, roles=ALL_ROLES
                )
                self.clients[label] = label.replace("_", "-")

            actor = Caller.person(*self.people["provider_admin"].key)
            for label, assignability in [
                ("private", "Private"),
                ("public", "Public"),
                ("whitelist", "Whitelist"),
            ]:
                privilege = privileges.create(
                    session,
                    actor,
                    self.provider_tin,
                    name=f"Pension {label}",
                    assignability=assignability,
                    description_danish=f"Dansk beskrivelse {label}",
                    description_english=f"English {label}",
                )
                self.privileges[label] = privilege.id
            other_actor = Caller.person(*self.people["other_provider_admin"].key)
            self.privileges["other_public"] = privileges.create(
                session,
                other_actor,
                self.other_provider_tin,
                name="Løn offentlig",
                assignability="Public",
            ).id


class Api:
    """An HTTP client of the live server that signs requests as a given principal."""

    def __init__(self, server: LiveServer, issuer: TokenMinter, world: World) -> None:
        self.server = server
        self.issuer = issuer
        self.world = world
        self.http = httpx.Client(base_url=f"{server.base_url}/api/v1", timeout=30)
        self._clients: list[httpx.Client] = [self.http]

    def as_person(self, label: str, **token_options: Any) -> httpx.Client:
        token = self.issuer.person_token(self.world.people[label], **token_options)
        return self.client(token)

    def as_service(self, label: str) -> httpx.Client:
        client_id = self.world.clients[label]
        tin = self.world.provider_tin if label == "provider_api" else self.world.other_provider_tin
        return self.client(self.issuer.service_token(client_id, tin))

    def client(self, token: str) -> httpx.Client:
        client = httpx.Client(
            base_url=f"{self.server.base_url}/api/v1",
            timeout=30,
            headers={"Authorization": f"Bearer {token}"},
        )
        self._clients.append(client)
        return client

    def close(self) -> None:
        for client in self._clients:
            client.close()

    # --- shortcuts used by many tests -----------------------------------------------------

    def assignment_path(self, tin: str, person: str, privilege: str) -> str:
        identity_id = self.world.people[person].idp_identity_id
        return f"/organizations/{tin}/assignedIdentityPrivileges/mitid_erhverv/{identity_id}/{self.world.privileges[privilege]}"

    def assign(self, admin: str, tin: str, person: str, privilege: str) -> httpx.Response:
        return self.as_person(admin).put(self.assignment_path(tin, person, privilege))

    def runtime(self, person: str, service: str = "provider_api") -> dict[str, set[str]]:
        """Return the runtime lookup of the provider's API client as {assigner TIN: privilege ids}."""
        tin = (
            self.world.provider_tin if service == "provider_api" else self.world.other_provider_tin
        )
        identity_id = self.world.people[person].idp_identity_id
        response = self.as_service(service).get(
            f"/organizations/{tin}/assignedIdentityPrivileges/mitid_erhverv/{identity_id}/runtime"
        )
        assert response.status_code == 200, response.text
        return {
            scope["organizationTin"]: {privilege["id"] for privilege in scope["privileges"]}
            for scope in response.json()["organizationScopes"]
        }

    def set_whitelisted(self, privilege: str, tin: str, whitelisted: bool) -> httpx.Response:
        client = self.as_person("provider_admin")
        path = f"/organizations/{self.world.provider_tin}/privileges/{self.world.privileges[privilege]}/whitelist/{tin}"
        return client.put(path) if whitelisted else client.delete(path)

    def set_assignability(self, privilege: str, assignability: str) -> httpx.Response:
        client = self.as_person("provider_admin")
        path = f"/organizations/{self.world.provider_tin}/privileges/{self.world.privileges[privilege]}"
        etag = client.get(path).headers["ETag"]
        return client.patch(path, json={"assignability": assignability}, headers={"If-Match": etag})

    def assignments_of(self, admin: str, tin: str, person: str) -> dict[str, dict[str, Any]]:
        """Return the assignments `tin` made to `person`, by privilege id."""
        identity_id = self.world.people[person].idp_identity_id
        response = self.as_person(admin).get(
            f"/organizations/{tin}/assignedIdentityPrivileges/mitid_erhverv/{identity_id}"
        )
        assert response.status_code == 200, response.text
        return {item["privilegeId"]: item for item in response.json()}


def _postgres_database(base_url: str) -> Iterator[str]:
    import psycopg

    name = f"privserver_test_{uuid.uuid4().hex[:12]}"
    admin = make_url(base_url).set(drivername="postgresql")
    conninfo = admin.render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name, drivername="postgresql+psycopg").render_as_string(
            hide_password=False
        )
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


def build_world(database_url: str) -> World:
    migrate(database_url)
    engine = make_engine(database_url)
    try:
        world = World(make_session_factory(engine))
        world.build()
    finally:
        engine.dispose()
    return world


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, World]:
    """A migrated SQLite database holding the world, built once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "world.sqlite"
    return path, build_world(f"sqlite:///{path}")


@pytest.fixture(params=BACKENDS)
def world_database(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: tuple[Path, World]
) -> Iterator[tuple[str, World]]:
    """A database of the parametrized backend holding the world, fresh for each test."""
    if request.param == "sqlite":
        template, world = sqlite_template
        copy = tmp_path / "privserver.sqlite"
        shutil.copyfile(template, copy)
        yield f"sqlite:///{copy}", world
    else:
        for database_url in _postgres_database(os.environ[POSTGRES_URL_VARIABLE]):
            yield database_url, build_world(database_url)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of the parametrized backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite'}"
    else:
        yield from _postgres_database(os.environ[POSTGRES_URL_VARIABLE])


@pytest.fixture(scope="session")
def issuer() -> TokenMinter:
    return TokenMinter()


@pytest.fixture
def live(world_database: tuple[str, World], issuer: TokenMinter) -> Iterator[Api]:
    """The live server on a fresh copy of the world, with clients signing as its people."""
    database_url, world = world_database
    server = LiveServer(database_url, issuer)
    server.start()
    engine = make_engine(database_url)
    world = dataclasses.replace(world, session_factory=make_session_factory(engine))
    api = Api(server, issuer, world)
    try:
        yield api
    finally:
        api.close()
        server.stop()
        engine.dispose()
