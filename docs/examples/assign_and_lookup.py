"""Sign in as a demo administrator, assign a privilege and read it back through the runtime lookup.

Start a demo server first, for example:

    privserver seed --demo --database sqlite:///demo.sqlite --json > seed.json
    privserver serve --demo-idp --database sqlite:///demo.sqlite --port 8765

Then run, with values from seed.json (an administrator of a customer and a
provider's API client):

    python docs/examples/assign_and_lookup.py --base-url http://127.0.0.1:8765 \\
        --admin-identity <administrator idpIdentityId> \\
        --api-client-id <apiClients clientId> --api-client-secret <apiClients clientSecret>

Every option can also be set by an environment variable (see --help).
Without --admin-identity, the script prints the sign-in URL and opens the
browser, so that a person can sign in. With it, privserver.testing's scripted
browser fills in the demo identity provider's page, which needs the server extra.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import webbrowser
from collections.abc import Sequence

import keyring.backends.fail

from privadmin.api_client import (
    ApiError,
    ClientCredentialsTokenSource,
    PrivilegesClient,
    discover_token_endpoint,
)
from privadmin.config import Environment
from privadmin.models import Identity, Privilege, Role
from privadmin.oidc import OidcClient, Session, SessionStore, SignInError

DESKTOP_CLIENT_ID = "privadmin-desktop"


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])

    def option(name: str, variable: str, help: str, default: str | None = None) -> None:
        value = os.environ.get(variable, default)
        parser.add_argument(name, default=value, help=f"{help} (environment: {variable})")

    option("--base-url", "PRIVADMIN_BASE_URL", "server URL; the API is at <URL>/api/v1")
    option("--issuer", "PRIVADMIN_ISSUER", "OpenID Connect issuer (default: <base URL>/idp)")
    option("--client-id", "PRIVADMIN_CLIENT_ID", "the desktop app's client id", DESKTOP_CLIENT_ID)
    option("--admin-identity", "PRIVADMIN_ADMIN_IDENTITY", "UUID of the demo administrator to sign in as")
    option("--api-client-id", "PRIVADMIN_API_CLIENT_ID", "client id of a provider's API client")
    option("--api-client-secret", "PRIVADMIN_API_CLIENT_SECRET", "secret of that API client")
    option("--tin", "PRIVADMIN_TIN", "organization to assign in (default: the first where you assign)")
    parser.add_argument(
        "--keep", action="store_true", help="keep the assignment instead of removing it at the end"
    )
    arguments = parser.parse_args(argv)

    missing = [
        name
        for name, value in (
            ("--base-url", arguments.base_url),
            ("--api-client-id", arguments.api_client_id),
            ("--api-client-secret", arguments.api_client_secret),
        )
        if not value
    ]
    if missing:
        parser.error(f"missing {', '.join(missing)}: give them as options or environment variables")
    arguments.base_url = arguments.base_url.rstrip("/")
    arguments.issuer = (arguments.issuer or f"{arguments.base_url}/idp").rstrip("/")
    return arguments


async def sign_in(oidc: OidcClient, admin_identity: str | None) -> Session:
    """Sign in through the identity provider's authorization page, as the desktop app does."""
    pending = await oidc.begin_sign_in()
    if admin_identity:
        from privserver.testing import abrowser_sign_in

        await abrowser_sign_in(pending.authorization_url, admin_identity)
    else:
        print(f"Sign in at: {pending.authorization_url}")
        webbrowser.open(pending.authorization_url)
    return await pending.result()


async def first_employee(client: PrivilegesClient, tin: str) -> tuple[Identity, int]:
    """Return the first employee and the number of employees of the organization."""
    first: Identity | None = None
    count = 0
    async for page in client.identities(tin, page_size=500):
        if first is None and page:
            first = page[0]
        count += len(page)
    if first is None:
        raise SystemExit(f"Organization {tin} has no employees; add one first")
    return first, count


async def provider_of(service: PrivilegesClient) -> str:
    """Return the organization whose runtime lookups the API client may make."""
    me = await service.me()
    for membership in me.organizations:
        if Role.ASSIGN_IDENTITY_PRIVILEGES_READ in membership.roles:
            return membership.organization_tin
    raise SystemExit("The API client has the role AssignIdentityPrivilegesRead in no organization")


async def run(arguments: argparse.Namespace) -> int:
    environment = Environment(
        key="example",
        issuer=arguments.issuer,
        api_base_url=arguments.base_url,
        client_id=arguments.client_id,
    )
    # The fail backend keeps the example from storing a refresh token in the OS keyring.
    store = SessionStore(environment.key, backend=keyring.backends.fail.Keyring())
    oidc = OidcClient(environment, store)
    session = await sign_in(oidc, arguments.admin_identity)
    print(f"Signed in as {session.name or session.identity_id}")

    token_endpoint = await discover_token_endpoint(arguments.issuer)
    service_tokens = ClientCredentialsTokenSource(
        token_endpoint, arguments.api_client_id, arguments.api_client_secret
    )
    try:
        async with (
            PrivilegesClient(arguments.base_url, session) as admin,
            PrivilegesClient(arguments.base_url, service_tokens) as service,
        ):
            return await assign_and_look_up(admin, service, arguments)
    finally:
        await service_tokens.aclose()
        await oidc.sign_out(session)
        await oidc.aclose()


async def assign_and_look_up(
    admin: PrivilegesClient, service: PrivilegesClient, arguments: argparse.Namespace
) -> int:
    me = await admin.me()
    assigning = [
        membership
        for membership in me.organizations
        if Role.PRIVILEGE_ASSIGNER in membership.roles
        and (arguments.tin is None or membership.organization_tin == arguments.tin)
    ]
    if not assigning:
        raise SystemExit(f"You have the role PrivilegeAssigner in no organization matching {arguments.tin or 'any'}")
    tin = assigning[0].organization_tin
    print(f"Organization: {assigning[0].organization_name} ({tin})")

    employee, employee_count = await first_employee(admin, tin)
    print(f"Employees: {employee_count}; first: {employee.name} ({employee.idp_identity_id})")

    provider_tin = await provider_of(service)
    groups = await admin.assignable_privileges(tin)
    for group in groups:
        print(f"Assignable from {group.organization_name} ({group.organization_tin}): {len(group.privileges)}")
    offered = [group.privileges for group in groups if group.organization_tin == provider_tin]
    if not offered or not offered[0]:
        raise SystemExit(f"{tin} may assign no privilege of {provider_tin}, the API client's organization")
    privilege: Privilege = offered[0][0]

    created = await admin.assign(tin, employee.idp, employee.idp_identity_id, privilege.id)
    print(f"Assigned {privilege.name!r} to {employee.name}" + ("" if created else " (it was already)"))

    result = await service.runtime(provider_tin, employee.idp, employee.idp_identity_id)
    seen = {
        (scope.organization_tin, item.id)
        for scope in result.organization_scopes
        for item in scope.privileges
    }
    found = (tin, privilege.id) in seen
    print(f"Runtime lookup by {result.client_info.client_id}: {len(seen)} active privilege(s)")
    print(f"{privilege.name!r} assigned by {tin}: {'found' if found else 'NOT found'}")

    if created and not arguments.keep:
        await admin.unassign(tin, employee.idp, employee.idp_identity_id, privilege.id)
        print("Removed the assignment again (use --keep to keep it)")
    return 0 if found else 1


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        return asyncio.run(run(arguments))
    except SignInError as error:
        print(f"Sign-in failed: {error.message}", file=sys.stderr)
    except ApiError as error:
        print(f"Request failed: {error}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
