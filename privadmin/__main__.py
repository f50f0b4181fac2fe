"""Command line of privadmin: start the app, the demo, a self-check, or import an API client secret."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path

from privadmin import __version__
from privadmin.config.environment import ENVIRONMENT_KEYS
from privadmin.config.settings import LoadedConfig, load_config, parse_assignments


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privadmin",
        description="Desktop administration of MitID Erhverv privileges.",
    )
    parser.add_argument("--version", action="version", version=f"privadmin {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="start the bundled demo server with test data and sign in to it")
    parser.add_argument("--reset-demo", action="store_true",
                        help="delete the demo's data and seed it again (implies --demo)")
    parser.add_argument("--demo-employees", type=int, metavar="N",
                        help="number of employees when the demo data is seeded (default 3000)")
    parser.add_argument("--demo-dir", type=Path, metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--environment", choices=ENVIRONMENT_KEYS,
                        help="environment to start with, unless the managed configuration locks it")
    parser.add_argument("--language", choices=("system", "da", "en"), help="language of the user interface")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", dest="assignments",
                        help="set a setting for this run, e.g. --set environments.custom.client_id=app")
    parser.add_argument("--show-config", action="store_true",
                        help="print the effective settings, the files read and their messages, then exit")
    parser.add_argument("--self-check", action="store_true",
                        help="start offscreen, load translations and resources, print a report and exit")
    parser.add_argument("--import-api-client-secret", action="store_true",
                        help="read an API client secret from standard input into the OS credential store")
    parser.add_argument("--client-id", metavar="ID", help="the API client id, for --import-api-client-secret")
    return parser


def load_settings(args: argparse.Namespace) -> LoadedConfig:
    command_line, messages = parse_assignments(args.assignments)
    if args.environment:
        command_line["environment"] = args.environment
    if args.language:
        command_line["language"] = args.language
    config = load_config(command_line=command_line)
    config.messages[:0] = messages
    return config


def show_config(config: LoadedConfig) -> int:
    for item in config.files:
        print(f"{item.role} file: {item.path} ({'found' if item.found else 'not found'})")
    print(f"locked: {', '.join(sorted(config.locked)) or 'none'}")
    print(config.settings.model_dump_json(indent=2))
    for message in config.messages:
        print(f"message: {message}")
    return 0


def import_api_client_secret(config: LoadedConfig, args: argparse.Namespace) -> int:
    """Store the secret read from standard input for --client-id in the chosen environment."""
    from privadmin.api_client import CredentialStoreUnavailableError, store_api_client_secret
    if not args.client_id:
        print("privadmin: --import-api-client-secret needs --client-id ID", file=sys.stderr)
        return 2
    environment = config.settings.environment
    if sys.stdin.isatty():
        secret = getpass.getpass(f"Secret of API client {args.client_id} ({environment}): ")
    else:
        secret = sys.stdin.readline()
    secret = secret.strip()
    if not secret:
        print("privadmin: no secret on standard input; pipe it in, e.g. from your deployment tool",
              file=sys.stderr)
        return 2
    try:
        store_api_client_secret(environment, args.client_id, secret)
    except CredentialStoreUnavailableError as error:
        print(f"privadmin: {error}", file=sys.stderr)
        return 1
    print(f"Stored the secret of API client {args.client_id} for environment {environment}.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)

    if args.self_check:
        from privadmin.app import self_check

        return self_check()

    config = load_settings(args)
    if args.show_config:
        return show_config(config)
    if args.import_api_client_secret:
        return import_api_client_secret(config, args)

    demo = args.demo or args.reset_demo
    if demo:
        from privadmin.demo import NOT_INSTALLED_MESSAGE, server_available

        if not server_available():
            print(f"privadmin: {NOT_INSTALLED_MESSAGE}", file=sys.stderr)
            return 3

    from privadmin.app import StartOptions, run

    options = StartOptions(
        demo=demo,
        reset_demo=args.reset_demo,
        demo_employees=args.demo_employees,
        demo_dir=args.demo_dir,
    )
    return run(config, options)


if __name__ == "__main__":
    sys.exit(main())
