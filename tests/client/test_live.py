"""The API client against a live privserver on loopback, with real tokens from the demo identity provider."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from privadmin.api_client import (
    ClientCredentialsTokenSource,
    ForbiddenError,
    NotFoundError,
    PreconditionFailedError,
    PrivilegesClient,
    SignedOutError,
    StaticTokenSource,
    ValidationError,
    discover_token_endpoint,
)
from privadmin.models import (
    Assignability,
    AssignmentChange,
    BatchOutcome,
    Identity,
    InactiveReason,
    Privilege,
    PrivilegeChanges,
    PrivilegeDraft,
    Role,
)
from privserver.testing import sign_in_tokens

pytestmark = pytest.mark.anyio

IDP = "mitid_erhverv"


_tokens: dict[str, str] = {}


def admin_token(live_server: Any, kind: str) -> str:
    """Sign in once per administrator kind and test session."""
    if kind not in _tokens:
        admin = live_server.administrator(kind)
        _tokens[kind] = sign_in_tokens(live_server, admin["idpIdentityId"])["access_token"]
    return _tokens[kind]


async def admin_client(live_server: Any, kind: str) -> PrivilegesClient:
    token = await asyncio.to_thread(admin_token, live_server, kind)
    return PrivilegesClient(live_server.api_base_url, StaticTokenSource(token))


@pytest.fixture
async def customer(live_server: Any) -> AsyncIterator[tuple[PrivilegesClient, str]]:
    client = await admin_client(live_server, "customer")
    async with client:
        yield client, live_server.administrator("customer")["organizationTin"]


@pytest.fixture
async def provider(live_server: Any) -> AsyncIterator[tuple[PrivilegesClient, str]]:
    client = await admin_client(live_server, "provider")
    async with client:
        yield client, live_server.administrator("provider")["organizationTin"]


async def all_pages(pages: AsyncIterator[list[Any]]) -> list[list[Any]]:
    return [page async for page in pages]


async def some_employee(client: PrivilegesClient, tin: str) -> Identity:
    async for page in client.identities(tin, page_size=20):
        return page[0]
    raise AssertionError(f"{tin} has no employees")


async def provider_privilege(client: PrivilegesClient, tin: str, provider_tin: str) -> Privilege:
    for group in await client.assignable_privileges(tin):
        if group.organization_tin == provider_tin:
            return group.privileges[0]
    raise AssertionError(f"{tin} may assign nothing of {provider_tin}")


# The caller and organizations.


async def test_me_lists_roles(customer: tuple[PrivilegesClient, str], live_server: Any) -> None:
    client, tin = customer
    me = await client.me()
    assert str(me.identity.idp_identity_id) == live_server.administrator("customer")["idpIdentityId"]
    memberships = {membership.organization_tin: membership for membership in me.organizations}
    assert Role.PRIVILEGE_ASSIGNER in memberships[tin].roles


async def test_organization_lookup_and_search(customer: tuple[PrivilegesClient, str]) -> None:
    client, tin = customer
    organization = await client.get_organization(tin)
    assert organization.tin == tin

    found = await client.search_organizations(organization.name[:5])
    assert tin in {match.tin for match in found}


async def test_unknown_organization_not_found(customer: tuple[PrivilegesClient, str]) -> None:
    client, _ = customer
    with pytest.raises((NotFoundError, ForbiddenError)):
        await client.get_organization("DK00000000")


# Employees.


async def test_identities_paged(customer: tuple[PrivilegesClient, str]) -> None:
    client, tin = customer
    small_pages = await all_pages(client.identities(tin, page_size=25))
    one_page = await all_pages(client.identities(tin))

    assert len(small_pages) > 2
    assert all(len(page) <= 25 for page in small_pages)
    assert len(one_page) == 1
    small_ids = [identity.idp_identity_id for page in small_pages for identity in page]
    assert len(small_ids) == len(set(small_ids))
    assert set(small_ids) == {identity.idp_identity_id for identity in one_page[0]}


async def test_put_search_delete_identity(customer: tuple[PrivilegesClient, str]) -> None:
    client, tin = customer
    identity_id = uuid.uuid4()
    created = await client.put_identity(
        tin, IDP, identity_id, name="Åse Ørnebjerg", email="aase@example.dk", rid="12345678"
    )
    assert created.idp_identity_id == identity_id
    assert created.name == "Åse Ørnebjerg"

    updated = await client.put_identity(tin, IDP, str(identity_id).upper(), email="ase@example.dk")
    assert updated.email == "ase@example.dk"
    assert updated.name == "Åse Ørnebjerg"

    found = await all_pages(client.identities(tin, search="12345678"))
    assert identity_id in {identity.idp_identity_id for page in found for identity in page}

    await client.delete_identity(tin, IDP, identity_id)
    with pytest.raises(NotFoundError):
        await client.delete_identity(tin, IDP, identity_id)


# Assignments.


async def test_assign_read_unassign(customer: tuple[PrivilegesClient, str], live_server: Any) -> None:
    client, tin = customer
    provider_tin = live_server.api_client()["organizationTin"]
    employee = await some_employee(client, tin)
    privilege = await provider_privilege(client, tin, provider_tin)
    await client.unassign(tin, employee.idp, employee.idp_identity_id, privilege.id)

    assert await client.assign(tin, employee.idp, employee.idp_identity_id, privilege.id) is True
    assert await client.assign(tin, employee.idp, employee.idp_identity_id, privilege.id) is False

    assignments = await client.identity_assignments(tin, employee.idp, employee.idp_identity_id)
    mine = [assignment for assignment in assignments if assignment.privilege_id == privilege.id]
    assert len(mine) == 1
    assert mine[0].assigned_by_organization_tin == tin
    assert mine[0].active is True

    pages = await all_pages(client.assignments(tin, privilege_id=privilege.id, page_size=2))
    listed = {(item.idp_identity_id, item.privilege_id) for page in pages for item in page}
    assert (employee.idp_identity_id, privilege.id) in listed
    assert all(item.privilege_id == privilege.id for page in pages for item in page)

    assert await client.unassign(tin, employee.idp, employee.idp_identity_id, privilege.id) is True
    assert await client.unassign(tin, employee.idp, employee.idp_identity_id, privilege.id) is False


async def test_run_batches_splits(customer: tuple[PrivilegesClient, str], live_server: Any) -> None:
    client, tin = customer
    provider_tin = live_server.api_client()["organizationTin"]
    privilege = await provider_privilege(client, tin, provider_tin)
    employees = (await all_pages(client.identities(tin, page_size=8)))[0]
    changes = [
        AssignmentChange(idp=employee.idp, idp_identity_id=employee.idp_identity_id, privilege_id=privilege.id)
        for employee in employees
    ]
    await client.run_batches(tin, remove=changes)

    progress: list[tuple[int, int]] = []
    added = await client.run_batches(
        tin, add=changes, max_items=3, on_progress=lambda done, total: progress.append((done, total))
    )
    assert added.complete
    assert [len(result.items) for result in added.applied] == [3, 3, 2]
    assert progress == [(0, 8), (3, 8), (6, 8), (8, 8)]
    outcomes = [item.outcome for result in added.applied for item in result.items]
    assert outcomes == [BatchOutcome.ADDED] * 8

    again = await client.batch(tin, add=changes[:2])
    assert [item.outcome for item in again.items] == [BatchOutcome.UNCHANGED] * 2

    removed = await client.run_batches(tin, remove=changes, max_items=5)
    assert [len(result.items) for result in removed.applied] == [5, 3]
    assert {item.change for result in removed.applied for item in result.changed} == set(changes)
    for change in changes[:3]:
        assignments = await client.identity_assignments(tin, change.idp, change.idp_identity_id)
        assert privilege.id not in {assignment.privilege_id for assignment in assignments}


async def test_batch_invalid_item_field_errors(
    customer: tuple[PrivilegesClient, str], live_server: Any
) -> None:
    client, tin = customer
    employee = await some_employee(client, tin)
    privilege = await provider_privilege(client, tin, live_server.api_client()["organizationTin"])
    await client.unassign(tin, employee.idp, employee.idp_identity_id, privilege.id)
    valid = AssignmentChange(idp=employee.idp, idp_identity_id=employee.idp_identity_id, privilege_id=privilege.id)
    unknown = valid.model_copy(update={"privilege_id": uuid.uuid4()})

    with pytest.raises(ValidationError) as caught:
        await client.batch(tin, add=[valid, unknown])
    assert caught.value.status == 422
    fields = list(caught.value.errors)
    assert len(fields) == 1
    assert fields[0].startswith("add")
    assert fields[0].endswith("privilegeId")
    assert str(unknown.privilege_id) in caught.value.errors[fields[0]][0]

    assignments = await client.identity_assignments(tin, employee.idp, employee.idp_identity_id)
    assert privilege.id not in {assignment.privilege_id for assignment in assignments}


async def test_other_organization_forbidden(
    customer: tuple[PrivilegesClient, str], provider: tuple[PrivilegesClient, str]
) -> None:
    customer_client, _ = customer
    _, provider_tin = provider
    with pytest.raises(ForbiddenError) as caught:
        await customer_client.privileges(provider_tin)
    assert caught.value.status == 403
    with pytest.raises(ForbiddenError):
        await all_pages(customer_client.identities(provider_tin))


# The catalog.


async def test_privilege_lifecycle(provider: tuple[PrivilegesClient, str]) -> None:
    client, tin = provider
    name = f"Testadgang {uuid.uuid4().hex[:8]}"
    created = await client.create_privilege(
        tin, PrivilegeDraft(name=name, description_danish="Før", assignability=Assignability.PRIVATE)
    )
    assert created.name == name
    assert created.organization_tin == tin
    assert created.etag

    read = await client.get_privilege(tin, created.id)
    assert read.etag
    assert read.description_danish == "Før"

    changed = await client.update_privilege(
        tin, created.id, PrivilegeChanges(description_danish="Efter", assignability=Assignability.WHITELIST),
        etag=read.etag,
    )
    assert changed.description_danish == "Efter"
    assert changed.assignability is Assignability.WHITELIST
    assert changed.etag and changed.etag != read.etag

    with pytest.raises(PreconditionFailedError) as stale:
        await client.update_privilege(
            tin, created.id, PrivilegeChanges(description_english="Stale"), etag=read.etag
        )
    assert stale.value.status == 412

    assert created.id in {privilege.id for privilege in await client.privileges(tin)}
    await client.delete_privilege(tin, created.id)
    with pytest.raises(NotFoundError):
        await client.get_privilege(tin, created.id)


async def test_invalid_privilege_field_errors(provider: tuple[PrivilegesClient, str]) -> None:
    client, tin = provider
    with pytest.raises(ValidationError) as caught:
        await client.create_privilege(tin, PrivilegeDraft(name="x" * 101))
    assert caught.value.status == 422
    assert any("name" in field for field in caught.value.errors)


async def test_whitelist_and_usage(
    provider: tuple[PrivilegesClient, str], customer: tuple[PrivilegesClient, str]
) -> None:
    client, tin = provider
    customer_client, customer_tin = customer
    created = await client.create_privilege(
        tin, PrivilegeDraft(name=f"Liste {uuid.uuid4().hex[:8]}", assignability=Assignability.WHITELIST)
    )
    try:
        await client.add_to_whitelist(tin, created.id, customer_tin)
        await client.add_to_whitelist(tin, created.id, customer_tin)
        entries = await client.whitelist(tin, created.id)
        assert [entry.organization_tin for entry in entries] == [customer_tin]

        employee = await some_employee(customer_client, customer_tin)
        assert await customer_client.assign(customer_tin, employee.idp, employee.idp_identity_id, created.id)
        usage = {item.organization_tin: item for item in await client.usage(tin, created.id)}
        assert (usage[customer_tin].active_count, usage[customer_tin].inactive_count) == (1, 0)

        await client.remove_from_whitelist(tin, created.id, customer_tin)
        assert await client.whitelist(tin, created.id) == []
        usage = {item.organization_tin: item for item in await client.usage(tin, created.id)}
        assert (usage[customer_tin].active_count, usage[customer_tin].inactive_count) == (0, 1)

        assignments = await customer_client.identity_assignments(
            customer_tin, employee.idp, employee.idp_identity_id
        )
        inactive = [assignment for assignment in assignments if assignment.privilege_id == created.id]
        assert inactive[0].active is False
        assert inactive[0].inactive_reason is InactiveReason.NOT_WHITELISTED
    finally:
        await client.delete_privilege(tin, created.id)


# Administrators and audit.


async def test_administrators_put_delete(provider: tuple[PrivilegesClient, str]) -> None:
    client, tin = provider
    identity_id = uuid.uuid4()
    administrator = await client.put_administrator(tin, IDP, identity_id, [Role.PRIVILEGE_ASSIGNER])
    assert administrator.idp_identity_id == identity_id
    assert administrator.roles == (Role.PRIVILEGE_ASSIGNER,)

    listed = {admin.idp_identity_id: admin for admin in await client.administrators(tin)}
    assert listed[identity_id].roles == (Role.PRIVILEGE_ASSIGNER,)

    await client.delete_administrator(tin, IDP, identity_id)
    assert identity_id not in {admin.idp_identity_id for admin in await client.administrators(tin)}


async def test_audit_events_paged(provider: tuple[PrivilegesClient, str]) -> None:
    client, tin = provider
    created = [
        await client.create_privilege(tin, PrivilegeDraft(name=f"Revision {uuid.uuid4().hex[:8]}"))
        for _ in range(3)
    ]
    pages = await all_pages(client.audit_events(tin, page_size=2))

    assert len(pages) >= 2
    assert all(len(page) <= 2 for page in pages)
    events = [event for page in pages for event in page]
    assert len({event.id for event in events}) == len(events)
    targets = {event.target_id for event in events}
    assert {str(privilege.id) for privilege in created} <= targets


# Runtime lookups.


async def test_runtime_with_service_token(customer: tuple[PrivilegesClient, str], live_server: Any) -> None:
    client, tin = customer
    api_client = live_server.api_client()
    provider_tin = api_client["organizationTin"]
    employee = await some_employee(client, tin)
    privilege = await provider_privilege(client, tin, provider_tin)
    await client.assign(tin, employee.idp, employee.idp_identity_id, privilege.id)

    token_endpoint = await discover_token_endpoint(live_server.issuer)
    tokens = ClientCredentialsTokenSource(token_endpoint, api_client["clientId"], api_client["clientSecret"])
    try:
        async with PrivilegesClient(live_server.api_base_url, tokens) as service:
            result = await service.runtime(provider_tin, employee.idp, employee.idp_identity_id)
            await service.runtime(provider_tin, employee.idp, employee.idp_identity_id)
    finally:
        await tokens.aclose()

    assert tokens.token_requests == 1
    assert result.identity.idp_identity_id == employee.idp_identity_id
    assert result.client_info.organization_tin == provider_tin
    scopes = {scope.organization_tin: scope for scope in result.organization_scopes}
    assert privilege.id in {item.id for item in scopes[tin].privileges}


async def test_wrong_api_client_secret_signs_out(live_server: Any) -> None:
    api_client = live_server.api_client()
    token_endpoint = await discover_token_endpoint(live_server.issuer)
    tokens = ClientCredentialsTokenSource(token_endpoint, api_client["clientId"], "wrong secret")
    try:
        async with PrivilegesClient(live_server.api_base_url, tokens) as service:
            with pytest.raises(SignedOutError):
                await service.me()
    finally:
        await tokens.aclose()


async def test_my_runtime_with_end_user_token(live_server: Any) -> None:
    service_client = live_server.service_client()
    provider_tin = service_client["organizationTin"]
    admin_client_ = await admin_client(live_server, "customer")
    async with admin_client_:
        tin = live_server.administrator("customer")["organizationTin"]
        employee = await some_employee(admin_client_, tin)
        privilege = await provider_privilege(admin_client_, tin, provider_tin)
        await admin_client_.assign(tin, employee.idp, employee.idp_identity_id, privilege.id)

    tokens = await asyncio.to_thread(
        sign_in_tokens,
        live_server,
        str(employee.idp_identity_id),
        client_id=service_client["clientId"],
        scope="openid privileges",
    )
    async with PrivilegesClient(live_server.api_base_url, StaticTokenSource(tokens["access_token"])) as user:
        result = await user.my_runtime()
    assert result.identity.idp_identity_id == employee.idp_identity_id
    assert result.client_info.organization_tin == provider_tin
    scopes = {scope.organization_tin: scope for scope in result.organization_scopes}
    assert privilege.id in {item.id for item in scopes[tin].privileges}


async def test_concurrent_service_requests_one_token(live_server: Any) -> None:
    api_client = live_server.api_client()
    provider_tin = api_client["organizationTin"]
    token_endpoint = await discover_token_endpoint(live_server.issuer)
    tokens = ClientCredentialsTokenSource(token_endpoint, api_client["clientId"], api_client["clientSecret"])
    try:
        async with PrivilegesClient(live_server.api_base_url, tokens) as service:
            results = await asyncio.gather(*(service.me() for _ in range(10)))
    finally:
        await tokens.aclose()

    assert tokens.token_requests == 1
    assert all(result.identity.client_id == api_client["clientId"] for result in results)
    roles = {membership.organization_tin: membership.roles for membership in results[0].organizations}
    assert Role.ASSIGN_IDENTITY_PRIVILEGES_READ in roles[provider_tin]
