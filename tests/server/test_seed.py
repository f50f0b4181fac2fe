"""The demo data: its guaranteed content, determinism, idempotency and use through the API."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from privserver.db.engine import make_engine, make_session_factory
from privserver.db.models import (
    ApiClient,
    Assignment,
    Identity,
    IdpClient,
    Organization,
    OrganizationIdentity,
    Privilege,
    WhitelistEntry,
)
from privserver.domain.caller import Caller, roles_in
from privserver.domain.secrets import verify_secret
from privserver.domain.values import Role
from privserver.seed import SeedError, seed_demo

EMPLOYEES = 120


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    database_url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'demo.sqlite'}"
    return database_url, seed_demo(database_url, employees=EMPLOYEES)


def _session(database_url: str) -> Any:
    return make_session_factory(make_engine(database_url))()


def test_report_shape(seeded: tuple[str, dict[str, Any]]) -> None:
    _, report = seeded

    assert set(report) == {
        "organizations",
        "administrators",
        "apiClients",
        "desktopClient",
        "serviceClients",
        "employeeCount",
    }
    kinds = Counter(organization["kind"] for organization in report["organizations"])
    assert kinds["provider"] + kinds["both"] >= 2
    assert kinds["both"] >= 1
    assert kinds["customer"] >= 2
    assert report["employeeCount"] == EMPLOYEES
    assert report["desktopClient"] == {
        "clientId": "privadmin-desktop",
        "redirectUris": ["http://127.0.0.1/callback"],
    }


def test_providers_have_mixed_catalogs(seeded: tuple[str, dict[str, Any]]) -> None:
    database_url, report = seeded
    providers = [
        org["tin"] for org in report["organizations"] if org["kind"] in ("provider", "both")
    ]
    customers = {org["tin"] for org in report["organizations"] if org["kind"] == "customer"}
    with _session(database_url) as session:
        for tin in providers:
            catalog = list(
                session.scalars(select(Privilege).where(Privilege.organization_tin == tin))
            )
            assert 10 <= len(catalog) <= 40, tin
            assert {privilege.assignability for privilege in catalog} == {
                "Public",
                "Private",
                "Whitelist",
            }
            assert all(
                privilege.description_danish and privilege.description_english
                for privilege in catalog
            )
        whitelisted = set(session.scalars(select(WhitelistEntry.organization_tin)))
        assert whitelisted & customers


def test_every_organization_has_an_administrator(seeded: tuple[str, dict[str, Any]]) -> None:
    database_url, report = seeded
    full = {"PrivilegeAdministrator", "PrivilegeAssigner", "AdministratorManager"}
    with _session(database_url) as session:
        for organization in report["organizations"]:
            admins = [
                admin
                for admin in report["administrators"]
                if any(
                    grant["organizationTin"] == organization["tin"] and full <= set(grant["roles"])
                    for grant in admin["roles"]
                )
            ]
            assert admins, organization["tin"]
            caller = Caller.person(admins[0]["idp"], admins[0]["idpIdentityId"])
            assert {role.value for role in roles_in(session, caller, organization["tin"])} >= full
    multi = [admin for admin in report["administrators"] if len(admin["roles"]) >= 2]
    assert len(multi) == 1
    assert multi[0]["organizationTin"] in {grant["organizationTin"] for grant in multi[0]["roles"]}


def test_clients_registered_with_secrets(seeded: tuple[str, dict[str, Any]]) -> None:
    database_url, report = seeded
    providers = {
        org["tin"] for org in report["organizations"] if org["kind"] in ("provider", "both")
    }
    with _session(database_url) as session:
        assert {client["organizationTin"] for client in report["apiClients"]} == providers
        for client in report["apiClients"]:
            row = session.get(ApiClient, client["clientId"])
            assert verify_secret(client["clientSecret"], row.secret_hash)
            assert set(client["roles"]) == {role.value for role in Role}
            caller = Caller.api_client(client["clientId"])
            assert roles_in(session, caller, client["organizationTin"]) == set(Role)
        desktop = session.get(IdpClient, "privadmin-desktop")
        assert desktop.public is True
        assert desktop.redirect_uris["uris"] == ["http://127.0.0.1/callback"]
        assert {client["organizationTin"] for client in report["serviceClients"]} == providers
        for client in report["serviceClients"]:
            row = session.get(IdpClient, client["clientId"])
            assert row.public is False
            assert verify_secret(client["clientSecret"], row.secret_hash)
            assert row.redirect_uris == {
                "uris": ["http://127.0.0.1/callback"],
                "organizationTin": client["organizationTin"],
            }


def test_employees_and_assignments(seeded: tuple[str, dict[str, Any]]) -> None:
    database_url, report = seeded
    customers = [
        org["tin"] for org in report["organizations"] if org["kind"] in ("customer", "both")
    ]
    with _session(database_url) as session:
        per_customer = dict(
            session.execute(
                select(OrganizationIdentity.organization_tin, func.count()).group_by(
                    OrganizationIdentity.organization_tin
                )
            ).all()
        )
        assert all(per_customer.get(tin, 0) >= EMPLOYEES // len(customers) for tin in customers)
        identities = list(session.scalars(select(Identity)))
        assert all(identity.name and identity.email for identity in identities)
        assert 0 < sum(identity.rid is not None for identity in identities) < len(identities)
        assert session.scalar(select(func.count()).select_from(Assignment)) > EMPLOYEES // 2


def test_seed_is_deterministic_and_idempotent(
    tmp_path: Path, seeded: tuple[str, dict[str, Any]]
) -> None:
    database_url, report = seeded
    other_url = f"sqlite:///{tmp_path / 'again.sqlite'}"

    again = seed_demo(other_url, employees=EMPLOYEES)
    repeated = seed_demo(database_url, employees=EMPLOYEES)

    assert again == report
    assert repeated == report
    with _session(database_url) as first, _session(other_url) as second:
        query = select(Assignment.privilege_id, Assignment.assigned_by_tin).order_by(Assignment.id)
        assert first.execute(query).all() == second.execute(query).all()


def test_seed_rejects_other_data(tmp_path: Path, seeded: tuple[str, dict[str, Any]]) -> None:
    database_url, _ = seeded
    with pytest.raises(SeedError, match="other arguments"):
        seed_demo(database_url, employees=EMPLOYEES + 1)

    foreign_url = f"sqlite:///{tmp_path / 'foreign.sqlite'}"
    seed_demo(foreign_url, employees=0)
    with _session(foreign_url) as session, session.begin():
        session.delete(session.get(IdpClient, "privadmin-desktop"))
        session.add(Organization(tin="DK99999998", name="Fremmed", name_key="fremmed"))
    with pytest.raises(SeedError, match="not the demo data"):
        seed_demo(foreign_url, employees=0)
