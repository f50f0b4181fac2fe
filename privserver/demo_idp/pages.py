"""HTML pages of the demo identity provider, in Danish (default) and English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"

TEXTS: dict[str, dict[str, str]] = {
    "da": {
        "demo_notice": "Demo-login til demonstration og test. Det er ikke MitID, og ingen rigtige data bruges.",
        "brand": "MitID Erhverv (demo)",
        "title": "Vælg identitet",
        "intro": "Log ind hos {client}. Vælg den erhvervsidentitet, du vil bruge.",
        "switch_language": "English",
        "administrators": "Administratorer",
        "employees": "Medarbejdere",
        "employee": "Medarbejder",
        "cvr": "CVR-nummer {cvr}",
        "type_uuid": "Eller skriv identitetens UUID",
        "type_uuid_hint": "Identitetens MitID Erhverv-UUID, fx 9a1c3e5f-0b2d-4c6e-8f10-2a4b6c8d0e1f.",
        "sign_in": "Log ind",
        "cancel": "Annuller",
        "error_heading": "Login kan ikke gennemføres",
        "error_summary": "Der er en fejl",
        "no_identities": "Demo-databasen har ingen identiteter. Kør privserver seed --demo, eller skriv en UUID.",
        "choose_identity": "Vælg en identitet på listen, eller skriv en UUID.",
        "invalid_uuid": "»{value}« er ikke en UUID. Skriv den som 36 tegn, fx 9a1c3e5f-0b2d-4c6e-8f10-2a4b6c8d0e1f.",
        "unknown_uuid": "Der findes ingen identitet med UUID {value} i demo-databasen. Vælg en på listen, eller tilføj den som medarbejder først.",
        "unknown_identity": "Den valgte identitet findes ikke længere i demo-databasen. Vælg en anden.",
        "unknown_client": "Klienten »{value}« er ikke registreret hos demo-identitetsudbyderen.",
        "missing_client": "Anmodningen mangler parameteren client_id.",
        "invalid_redirect": "Adressen »{value}« er ikke registreret som redirect_uri for klienten »{client}«.",
        "missing_redirect": "Anmodningen mangler parameteren redirect_uri.",
        "signed_out_heading": "Du er logget ud",
        "signed_out": "Din session hos demo-identitetsudbyderen er afsluttet. Du kan lukke vinduet.",
        "invalid_logout": "Log ud-anmodningen er ugyldig: {value}",
        "home_heading": "Demo-identitetsudbyder",
        "home_text": "Denne identitetsudbyder efterligner Nets eID Broker med MitID Erhverv til demonstration og test.",
        "discovery": "OpenID Connect-konfiguration",
    },
    "en": {
        "demo_notice": "Demo sign-in for demos and tests only. This is not MitID, and no real data is used.",
        "brand": "MitID Erhverv (demo)",
        "title": "Choose identity",
        "intro": "Sign in to {client}. Choose the business identity you want to use.",
        "switch_language": "Dansk",
        "administrators": "Administrators",
        "employees": "Employees",
        "employee": "Employee",
        "cvr": "CVR number {cvr}",
        "type_uuid": "Or type the identity's UUID",
        "type_uuid_hint": "The identity's MitID Erhverv UUID, e.g. 9a1c3e5f-0b2d-4c6e-8f10-2a4b6c8d0e1f.",
        "sign_in": "Sign in",
        "cancel": "Cancel",
        "error_heading": "Sign-in cannot be completed",
        "error_summary": "There is a problem",
        "no_identities": "The demo database has no identities. Run privserver seed --demo, or type a UUID.",
        "choose_identity": "Choose an identity from the list, or type a UUID.",
        "invalid_uuid": "“{value}” is not a UUID. Type it as 36 characters, e.g. 9a1c3e5f-0b2d-4c6e-8f10-2a4b6c8d0e1f.",
        "unknown_uuid": "No identity with UUID {value} exists in the demo database. Choose one from the list, or add it as an employee first.",
        "unknown_identity": "The chosen identity no longer exists in the demo database. Choose another.",
        "unknown_client": "The client “{value}” is not registered at the demo identity provider.",
        "missing_client": "The request lacks the client_id parameter.",
        "invalid_redirect": "The address “{value}” is not a registered redirect_uri of the client “{client}”.",
        "missing_redirect": "The request lacks the redirect_uri parameter.",
        "signed_out_heading": "You are signed out",
        "signed_out": "Your session at the demo identity provider has ended. You can close this window.",
        "invalid_logout": "The sign-out request is invalid: {value}",
        "home_heading": "Demo identity provider",
        "home_text": "This identity provider imitates the Nets eID Broker with MitID Erhverv, for demos and tests.",
        "discovery": "OpenID Connect configuration",
    },
}

ROLE_NAMES: dict[str, dict[str, str]] = {
    "da": {
        "PrivilegeAdministrator": "Administrerer rettighedskataloget",
        "PrivilegeAssigner": "Tildeler rettigheder",
        "AdministratorManager": "Administrerer administratorer",
        "AssignIdentityPrivilegesRead": "Læser tildelte rettigheder",
    },
    "en": {
        "PrivilegeAdministrator": "Manages the privilege catalog",
        "PrivilegeAssigner": "Assigns privileges",
        "AdministratorManager": "Manages administrators",
        "AssignIdentityPrivilegesRead": "Reads assigned privileges",
    },
}


def pick_language(ui_locales: str | None) -> str:
    """Return the first supported language of an OpenID `ui_locales` value, Danish by default."""
    for tag in (ui_locales or "").split():
        language = tag.split("-")[0].lower()
        if language in LANGUAGES:
            return language
    return DEFAULT_LANGUAGE


def message(language: str, key: str, **values: Any) -> str:
    return TEXTS[language][key].format(**values)


_environment = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(template: str, language: str, **context: Any) -> str:
    """Render `template` with the texts of `language` available as `t`."""
    return _environment.get_template(template).render(
        lang=language,
        t=TEXTS[language],
        role_names=ROLE_NAMES[language],
        **context,
    )
