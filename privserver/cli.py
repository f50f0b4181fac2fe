"""Command line of privserver: serve, migrate, seed, grant-role, add-api-client, openapi."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from privserver.config import DEFAULT_AUDIENCE, Settings

log = logging.getLogger("privserver.cli")

ROLE_NAMES = (
    "PrivilegeAdministrator",
    "PrivilegeAssigner",
    "AdministratorManager",
    "AssignIdentityPrivilegesRead",
)
DEFAULT_OPENAPI_PATH = Path("docs/openapi.json")


def configure_logging(level: str = "INFO") -> None:
    """Log to stderr with time, level and logger name; request ids come with the access log lines."""
    logging.basicConfig(
        level=getattr(logging, level.upper(), logging.INFO),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def _add_database(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        help="SQLAlchemy database URL, e.g. sqlite:///privserver.sqlite or postgresql://user@host/db "
        "(default: PRIVSERVER_DATABASE_URL or sqlite:///privserver.sqlite)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privserver", description="Reference server of the Privileges API."
    )
    parser.add_argument(
        "--log-level", default="INFO", help="DEBUG, INFO, WARNING or ERROR (default INFO)"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser(
        "serve", help="serve the API (and with --demo-idp the demo identity provider)"
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve.add_argument(
        "--port", type=int, default=8765, help="TCP port (default 8765; 0 picks a free one)"
    )
    _add_database(serve)
    serve.add_argument(
        "--issuer", metavar="URL", help="OpenID Connect issuer whose access tokens are trusted"
    )
    serve.add_argument("--audience", help=f"required token audience (default {DEFAULT_AUDIENCE})")
    serve.add_argument("--public-base-url", metavar="URL", help="URL clients reach the server at")
    serve.add_argument(
        "--demo-idp", action="store_true", help="also serve the demo identity provider at /idp"
    )
    serve.add_argument(
        "--rate-limit",
        type=int,
        metavar="N",
        help="requests a minute allowed per caller, answered with 429 above it (default: no limit)",
    )

    serve_idp = commands.add_parser(
        "serve-idp", help="serve only the demo identity provider, at /idp (for demos and tests)"
    )
    serve_idp.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve_idp.add_argument(
        "--port", type=int, default=8766, help="TCP port (default 8766; 0 picks a free one)"
    )
    _add_database(serve_idp)
    serve_idp.add_argument(
        "--audience", help=f"audience of the access tokens it issues (default {DEFAULT_AUDIENCE})"
    )

    rotate = commands.add_parser(
        "rotate-keys",
        help="rotate the demo identity provider's signing keys; tokens already issued stay valid",
    )
    _add_database(rotate)
    rotate.add_argument(
        "--alg", choices=["ES256", "RS256"], help="algorithm of the new key (default: as before)"
    )

    migrate = commands.add_parser("migrate", help="create or upgrade the database schema")
    _add_database(migrate)

    seed = commands.add_parser("seed", help="load demo data (migrates first)")
    seed.add_argument(
        "--demo", action="store_true", required=True, help="load the Danish demo data set"
    )
    _add_database(seed)
    seed.add_argument(
        "--employees", type=int, default=3000, help="number of employees (default 3000)"
    )
    seed.add_argument(
        "--assignments-per-employee",
        type=int,
        default=2,
        help="average assignments per employee (default 2)",
    )
    seed.add_argument(
        "--seed", type=int, default=1, help="random seed; the same seed gives the same data"
    )
    seed.add_argument(
        "--json", action="store_true", help="print the report (with client secrets) as JSON"
    )

    grant = commands.add_parser(
        "grant-role", help="grant roles in an organization to a person or an API client"
    )
    _add_database(grant)
    grant.add_argument("--tin", required=True, help="organization TIN, e.g. DK29915938")
    who = grant.add_mutually_exclusive_group(required=True)
    who.add_argument("--identity", metavar="IDP:UUID", help="a person, e.g. mitid_erhverv:<uuid>")
    who.add_argument("--api-client", metavar="CLIENT_ID", help="a registered API client")
    grant.add_argument(
        "--role", action="append", required=True, choices=ROLE_NAMES, help="role (repeatable)"
    )
    grant.add_argument(
        "--organization-name", help="register the organization under this name if it is new"
    )

    client = commands.add_parser(
        "add-api-client", help="register an API client and print its secret once"
    )
    _add_database(client)
    client.add_argument(
        "--tin", required=True, help="TIN of the organization the client belongs to"
    )
    client.add_argument(
        "--client-id", required=True, help="client id, 3 to 100 of A-Z a-z 0-9 . _ : -"
    )
    client.add_argument("--name", help="display name (default: the client id)")
    client.add_argument(
        "--role", action="append", default=[], choices=ROLE_NAMES, help="role (repeatable)"
    )

    openapi = commands.add_parser("openapi", help="write the OpenAPI document of the API")
    openapi.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OPENAPI_PATH,
        help=f"file to write (default {DEFAULT_OPENAPI_PATH}); - for stdout",
    )
    return parser


def _database_url(arguments: argparse.Namespace) -> str:
    return arguments.database or Settings().database_url


def _serve(arguments: argparse.Namespace) -> int:
    from privserver.db.engine import migrate

    overrides = {
        key: value
        for key, value in {
            "database_url": arguments.database,
            "issuer": arguments.issuer,
            "audience": arguments.audience,
            "public_base_url": arguments.public_base_url,
            "rate_limit_per_minute": arguments.rate_limit,
        }.items()
        if value is not None
    }
    settings = Settings(**overrides)
    if not arguments.demo_idp and not settings.issuer:
        print(
            "privserver serve: no issuer: pass --issuer URL (or set PRIVSERVER_ISSUER), or use --demo-idp",
            file=sys.stderr,
        )
        return 2
    migrate(settings.database_url)

    from privserver.server import serve

    serve(settings, host=arguments.host, port=arguments.port, demo_idp=arguments.demo_idp)
    return 0


def _serve_idp(arguments: argparse.Namespace) -> int:
    from privserver.db.engine import migrate
    from privserver.server import serve_idp

    overrides = {"database_url": arguments.database, "audience": arguments.audience}
    settings = Settings(**{key: value for key, value in overrides.items() if value is not None})
    migrate(settings.database_url)
    serve_idp(settings, host=arguments.host, port=arguments.port)
    return 0


def _rotate_keys(arguments: argparse.Namespace) -> int:
    from privserver.db.engine import migrate
    from privserver.demo_idp.keys import rotate_keys

    database_url = _database_url(arguments)
    migrate(database_url)
    kid = rotate_keys(database_url, arguments.alg)
    print(f"The demo identity provider now signs with key {kid}", file=sys.stderr)
    return 0


def _seed(arguments: argparse.Namespace) -> int:
    from privserver.seed import seed_demo

    report = seed_demo(
        _database_url(arguments),
        employees=arguments.employees,
        seed=arguments.seed,
        assignments_per_employee=arguments.assignments_per_employee,
    )
    if arguments.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        providers = sum(
            1 for organization in report["organizations"] if organization["kind"] != "customer"
        )
        print(
            f"Demo data ready: {len(report['organizations'])} organizations ({providers} providers), "
            f"{report['employeeCount']} employees, {len(report['administrators'])} administrators. "
            "Pass --json to print the client ids and secrets."
        )
    return 0


def _grant_role(arguments: argparse.Namespace) -> int:
    from privserver.db.engine import make_engine, make_session_factory, migrate
    from privserver.db.models import ApiClient
    from privserver.domain import audit, organizations
    from privserver.domain.administrators import principal_roles, set_roles
    from privserver.domain.caller import API_CLIENT, PERSON, person_key
    from privserver.domain.values import Role, parse_idp, parse_tin, parse_uuid

    database_url = _database_url(arguments)
    tin = parse_tin(arguments.tin, "--tin")
    if arguments.identity:
        idp, _, identity_id = arguments.identity.partition(":")
        kind, key = (
            PERSON,
            person_key(parse_idp(idp, "--identity").value, parse_uuid(identity_id, "--identity")),
        )
    else:
        kind, key = API_CLIENT, arguments.api_client

    migrate(database_url)
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session, session.begin():
        if arguments.organization_name:
            organizations.ensure(session, tin, arguments.organization_name)
        else:
            organizations.get(session, tin)
        if kind == API_CLIENT and session.get(ApiClient, key) is None:
            raise LookupError(
                f"no API client {key!r} is registered; add it with privserver add-api-client"
            )
        held = principal_roles(session, tin, kind, key)
        _, after = set_roles(
            session,
            audit.COMMAND_LINE_ACTOR,
            tin,
            kind,
            key,
            held | {Role(role) for role in arguments.role},
        )
    engine.dispose()
    print(f"{key} now holds {', '.join(sorted(role.value for role in after))} in {tin}")
    return 0


def _add_api_client(arguments: argparse.Namespace) -> int:
    from privserver.db.engine import make_engine, make_session_factory, migrate
    from privserver.domain import api_clients
    from privserver.domain.values import Role, parse_tin

    database_url = _database_url(arguments)
    tin = parse_tin(arguments.tin, "--tin")
    migrate(database_url)
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session, session.begin():
        secret = api_clients.register(
            session,
            tin,
            arguments.client_id,
            name=arguments.name or arguments.client_id,
            roles={Role(role) for role in arguments.role},
        )
    engine.dispose()
    print(
        f"Registered API client {arguments.client_id} of {tin}. Its secret, shown only now:",
        file=sys.stderr,
    )
    print(secret)
    return 0


def _openapi(arguments: argparse.Namespace) -> int:
    from privserver.api.openapi import render_openapi

    text = render_openapi()
    if str(arguments.output) == "-":
        sys.stdout.write(text)
    else:
        arguments.output.parent.mkdir(parents=True, exist_ok=True)
        arguments.output.write_text(text, encoding="utf-8")
        print(f"Wrote {arguments.output}", file=sys.stderr)
    return 0


def _migrate(arguments: argparse.Namespace) -> int:
    from privserver.db.engine import migrate

    migrate(_database_url(arguments))
    print("Database is at the newest schema", file=sys.stderr)
    return 0


COMMANDS = {
    "serve": _serve,
    "serve-idp": _serve_idp,
    "rotate-keys": _rotate_keys,
    "migrate": _migrate,
    "seed": _seed,
    "grant-role": _grant_role,
    "add-api-client": _add_api_client,
    "openapi": _openapi,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the privserver command line; returns the exit status."""
    from privserver.domain.errors import DomainError
    from privserver.seed import SeedError

    arguments = build_parser().parse_args(argv)
    configure_logging(arguments.log_level)
    try:
        return COMMANDS[arguments.command](arguments)
    except (DomainError, SeedError, LookupError, ValueError) as error:
        message = error.detail if isinstance(error, DomainError) else str(error)
        print(f"privserver {arguments.command}: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
