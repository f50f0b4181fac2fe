"""Deterministic Danish demo data: providers, customers, employees, privileges and clients.

Every TIN, name and UUID here is made up for the demo. The same `seed` gives
the same organizations, people, privileges, assignments and secrets, so a
demo database can be rebuilt and a test can rely on its content.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import random
import uuid
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from privserver.db.engine import make_engine, make_session_factory, migrate
from privserver.db.models import (
    ApiClient,
    Assignment,
    Identity,
    IdpClient,
    Organization,
    OrganizationIdentity,
    Privilege,
    RoleGrant,
    WhitelistEntry,
    utcnow,
)
from privserver.domain.caller import API_CLIENT, PERSON, person_key
from privserver.domain.secrets import hash_secret
from privserver.domain.values import Assignability, Role, fold

log = logging.getLogger("privserver.seed")

DESKTOP_CLIENT_ID = "privadmin-desktop"
LOOPBACK_REDIRECT = "http://127.0.0.1/callback"
ADMINISTRATOR_ROLES = (
    Role.PRIVILEGE_ADMINISTRATOR,
    Role.PRIVILEGE_ASSIGNER,
    Role.ADMINISTRATOR_MANAGER,
)
API_CLIENT_ROLES = tuple(Role)
EMAIL_DOMAIN_SUFFIX = ".demo.dk"


class SeedError(Exception):
    """The database cannot take the demo data as asked."""


@dataclasses.dataclass(frozen=True)
class DemoOrganization:
    tin: str
    name: str
    kind: str  # "provider", "customer" or "both"
    slug: str
    # Privileges (name, Danish description, English description, assignability) of a provider.
    catalog: tuple[tuple[str, str, str, Assignability], ...] = ()

    @property
    def is_provider(self) -> bool:
        return self.kind in ("provider", "both")

    @property
    def is_customer(self) -> bool:
        return self.kind in ("customer", "both")


PUBLIC, PRIVATE, WHITELIST = Assignability.PUBLIC, Assignability.PRIVATE, Assignability.WHITELIST

PENSION_CATALOG = (
    (
        "Pensionsindberetning",
        "Indberette pensionsbidrag for medarbejdere.",
        "Report pension contributions for employees.",
        PUBLIC,
    ),
    (
        "Pensionsoversigt",
        "Se virksomhedens samlede pensionsordninger.",
        "View the company's pension schemes.",
        PUBLIC,
    ),
    (
        "Revisor",
        "Læseadgang til regnskabsdata for revisorer.",
        "Read access to accounting data for auditors.",
        WHITELIST,
    ),
    (
        "Forsikringsanmeldelse",
        "Anmelde skader og sygdom på vegne af medarbejdere.",
        "Report claims and illness on behalf of employees.",
        PUBLIC,
    ),
    (
        "Helbredsoplysninger",
        "Se og indsende helbredsoplysninger (følsomme).",
        "View and submit health information (sensitive).",
        PRIVATE,
    ),
    (
        "Depotadministration",
        "Administrere investeringsdepoter.",
        "Manage investment portfolios.",
        WHITELIST,
    ),
    (
        "Udbetalinger",
        "Godkende udbetalinger fra pensionsordninger.",
        "Approve payouts from pension schemes.",
        PRIVATE,
    ),
    (
        "Medarbejderoverblik",
        "Se hvilke medarbejdere der er omfattet af ordningen.",
        "See which employees the scheme covers.",
        PUBLIC,
    ),
    (
        "Bidragsændring",
        "Ændre bidragssatser for grupper af medarbejdere.",
        "Change contribution rates for groups of employees.",
        WHITELIST,
    ),
    (
        "Dokumentarkiv",
        "Hente breve og dokumenter fra pensionskassen.",
        "Fetch letters and documents from the pension fund.",
        PUBLIC,
    ),
    (
        "Intern sagsbehandling",
        "Pensionskassens egne sagsbehandlere.",
        "The pension fund's own case workers.",
        PRIVATE,
    ),
    (
        "Rådgivningsbooking",
        "Booke pensionsrådgivning for medarbejdere.",
        "Book pension advice for employees.",
        PUBLIC,
    ),
    (
        "Årsopgørelse",
        "Se årsopgørelser for virksomhedens ordninger.",
        "View annual statements of the company's schemes.",
        PUBLIC,
    ),
    (
        "Økonomichef",
        "Fuld adgang til økonomi og fakturaer.",
        "Full access to finances and invoices.",
        WHITELIST,
    ),
)
PAYROLL_CATALOG = (
    ("Lønkørsel", "Starte og godkende lønkørsler.", "Start and approve payroll runs.", PUBLIC),
    ("Lønsedler", "Se og udsende lønsedler.", "View and send payslips.", PUBLIC),
    ("Ferieregnskab", "Registrere ferie og fravær.", "Record holidays and absence.", PUBLIC),
    ("Timeregistrering", "Godkende timesedler.", "Approve timesheets.", PUBLIC),
    (
        "Lønstatistik",
        "Indberette lønstatistik til Danmarks Statistik.",
        "Report pay statistics to Statistics Denmark.",
        WHITELIST,
    ),
    ("Bogholder", "Bogføre lønposteringer.", "Post payroll entries to the ledger.", WHITELIST),
    (
        "Personaledata",
        "Se og rette personaleoplysninger.",
        "View and correct personnel data.",
        PRIVATE,
    ),
    (
        "Udlæg og kørsel",
        "Godkende udlæg og kørselsgodtgørelse.",
        "Approve expenses and mileage.",
        PUBLIC,
    ),
    (
        "Skattekort",
        "Hente e-skattekort fra Skattestyrelsen.",
        "Fetch e-tax cards from the Danish Tax Agency.",
        PUBLIC,
    ),
    (
        "Supportadgang",
        "Lønportalens egen support.",
        "The payroll portal's own support staff.",
        PRIVATE,
    ),
    (
        "Regnskabsbureau",
        "Adgang for eksterne regnskabsbureauer.",
        "Access for external accounting firms.",
        WHITELIST,
    ),
    (
        "Pensionsoverførsel",
        "Overføre pensionsbidrag til pensionsselskaber.",
        "Transfer pension contributions to pension companies.",
        PUBLIC,
    ),
)
BUILDING_CATALOG = (
    ("Byggeansøgning", "Indsende byggeansøgninger.", "Submit building applications.", PUBLIC),
    (
        "Ejendomsdata",
        "Se data om ejendomme i registret.",
        "View property data in the register.",
        PUBLIC,
    ),
    ("Energimærkning", "Registrere energimærker.", "Register energy labels.", WHITELIST),
    (
        "Tilsyn",
        "Udføre og registrere byggetilsyn.",
        "Carry out and record building inspections.",
        WHITELIST,
    ),
    (
        "Sagsbehandler",
        "Registrets egne sagsbehandlere.",
        "The register's own case workers.",
        PRIVATE,
    ),
    ("Tegningsarkiv", "Hente tegninger og bilag.", "Fetch drawings and attachments.", PUBLIC),
    (
        "Entreprenør",
        "Registrere entrepriser og underentreprenører.",
        "Register contracts and subcontractors.",
        PUBLIC,
    ),
    (
        "Ibrugtagning",
        "Anmelde ibrugtagning af byggeri.",
        "Notify that a building is taken into use.",
        PUBLIC,
    ),
    ("Dataudtræk", "Bestille større dataudtræk.", "Order large data extracts.", PRIVATE),
    (
        "Kommunal sagsbehandling",
        "Adgang for kommuners byggesagsbehandlere.",
        "Access for municipal building officers.",
        WHITELIST,
    ),
)

ORGANIZATIONS = (
    DemoOrganization(
        "DK31000001", "Pensionskassen Nordlys A/S", "provider", "nordlys", PENSION_CATALOG
    ),
    DemoOrganization(
        "DK31000002", "Lønportalen Danmark ApS", "both", "loenportalen", PAYROLL_CATALOG
    ),
    DemoOrganization(
        "DK31000003", "Dansk Byggeregister A/S", "provider", "byggeregister", BUILDING_CATALOG
    ),
    DemoOrganization("DK41000001", "Ærø Revision ApS", "customer", "aeroe-revision"),
    DemoOrganization("DK41000002", "Østjysk Tømrer & Snedker A/S", "customer", "oestjysk-toemrer"),
    DemoOrganization("DK41000003", "Københavns Grønthandel I/S", "customer", "kbh-groent"),
    DemoOrganization("DK41000004", "Vestkystens Vvs og Blik ApS", "customer", "vestkyst-vvs"),
)
ACCOUNTING_FIRM_TIN = "DK41000001"
# The accounting firm's bookkeeper administers assignments for this client as well.
ACCOUNTING_CLIENT_TIN = "DK41000002"
# Customers on the whitelist of every Whitelist privilege; the others are not.
WHITELISTED_CUSTOMERS = ("DK41000001", "DK41000002")
# A customer that was whitelisted and then removed, so its assignments show as inactive.
FORMERLY_WHITELISTED = "DK41000003"

FIRST_NAMES = (
    "Anne",
    "Mette",
    "Kirsten",
    "Hanne",
    "Helle",
    "Susanne",
    "Lene",
    "Maria",
    "Camilla",
    "Louise",
    "Ida",
    "Freja",
    "Sofie",
    "Åse",
    "Bodil",
    "Ølga",
    "Peter",
    "Jens",
    "Lars",
    "Michael",
    "Henrik",
    "Søren",
    "Thomas",
    "Jesper",
    "Niels",
    "Rasmus",
    "Mads",
    "Frederik",
    "Anders",
    "Bjørn",
    "Ægir",
    "Øystein",
)
LAST_NAMES = (
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Østergaard",
    "Ærbø",
    "Aagaard",
    "Bøgh",
    "Lærkesen",
)
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def _email(name: str, number: int, organization: DemoOrganization) -> str:
    local = ".".join(name.lower().translate(_ASCII).split())
    return f"{local}{number}@{organization.slug}{EMAIL_DOMAIN_SUFFIX}"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _secret(seed: int, client_id: str) -> str:
    # Demo secrets follow from the seed, so a rebuilt demo database keeps its credentials.
    return hashlib.sha256(f"privserver-demo:{seed}:{client_id}".encode()).hexdigest()[:40]


def _already_seeded(session: Session) -> bool:
    return session.get(IdpClient, DESKTOP_CLIENT_ID) is not None and all(
        session.get(Organization, organization.tin) is not None for organization in ORGANIZATIONS
    )


def seed_demo(
    database_url: str,
    *,
    employees: int = 3000,
    seed: int = 1,
    assignments_per_employee: int = 2,
) -> dict[str, Any]:
    """Migrate the database, load the demo data and return the report of what it contains.

    Running it again with the same arguments on a seeded database changes
    nothing and returns the same report. A database holding other data, or demo
    data made with other arguments, is rejected with SeedError.
    """
    if employees < 0:
        raise SeedError(f"employees must be 0 or more, not {employees}")
    if assignments_per_employee < 0:
        raise SeedError(
            f"assignments per employee must be 0 or more, not {assignments_per_employee}"
        )

    migrate(database_url)
    engine = make_engine(database_url)
    try:
        with make_session_factory(engine)() as session, session.begin():
            builder = _DemoBuilder(
                session,
                seed=seed,
                employees=employees,
                assignments_per_employee=assignments_per_employee,
            )
            if _already_seeded(session):
                builder.check_matches()
                log.info("Database already holds the demo data of seed %d; nothing changed", seed)
            elif session.scalar(select(func.count()).select_from(Organization)):
                raise SeedError(
                    "the database already holds organizations that are not the demo data; "
                    "seed a new, empty database instead"
                )
            else:
                builder.load()
            return builder.report()
    finally:
        engine.dispose()


@dataclasses.dataclass
class _Person:
    idp_identity_id: str
    name: str
    employer: DemoOrganization
    email: str
    rid: str | None


class _DemoBuilder:
    """Draws the demo data from one random generator, so the same seed gives the same data."""

    def __init__(
        self, session: Session, *, seed: int, employees: int, assignments_per_employee: int
    ) -> None:
        self.session = session
        self.seed = seed
        self.employee_count = employees
        self.assignments_per_employee = assignments_per_employee
        self.rng = random.Random(seed)
        self.now = utcnow()
        self.administrators = [
            self._person(organization, number=0) for organization in ORGANIZATIONS
        ]
        accounting_firm = next(org for org in ORGANIZATIONS if org.tin == ACCOUNTING_FIRM_TIN)
        self.bookkeeper = self._person(accounting_firm, number=1, name="Bente Bogholder")
        customers = [organization for organization in ORGANIZATIONS if organization.is_customer]
        self.employees = [
            self._person(customers[index % len(customers)], number=index + 2)
            for index in range(employees)
        ]
        self.privilege_ids = {
            (organization.tin, entry[0]): _uuid(self.rng)
            for organization in ORGANIZATIONS
            for entry in organization.catalog
        }

    def _person(
        self, employer: DemoOrganization, *, number: int, name: str | None = None
    ) -> _Person:
        name = name or f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
        rid = str(self.rng.randint(10000, 99999999)) if self.rng.random() < 0.3 else None
        return _Person(_uuid(self.rng), name, employer, _email(name, number, employer), rid)

    # --- loading ---------------------------------------------------------------------

    def load(self) -> None:
        log.info("Loading demo data: %d employees, seed %d", self.employee_count, self.seed)
        self._organizations()
        identity_ids = self._identities()
        self._roles()
        self._privileges()
        self._clients()
        count = self._assignments(identity_ids)
        log.info("Loaded demo data: %d identities, %d assignments", len(identity_ids), count)

    def _organizations(self) -> None:
        self.session.execute(
            insert(Organization),
            [
                {"tin": org.tin, "name": org.name, "name_key": fold(org.name), "created": self.now}
                for org in ORGANIZATIONS
            ],
        )

    def _identities(self) -> dict[str, int]:
        people = [*self.administrators, self.bookkeeper, *self.employees]
        rows = []
        for index, person in enumerate(people):
            # About a third of the employees have signed in at a service before.
            seen = self.now if index % 3 == 0 else None
            parts = [person.name, person.email, person.rid, person.idp_identity_id]
            rows.append(
                {
                    "idp": "mitid_erhverv",
                    "idp_identity_id": person.idp_identity_id,
                    "name": person.name,
                    "email": person.email,
                    "rid": person.rid,
                    "search_key": fold(" ".join(part for part in parts if part)),
                    "employer_tin": person.employer.tin,
                    "last_seen": seen,
                    "created": self.now,
                    "updated": self.now,
                }
            )
        for start in range(0, len(rows), 5000):
            self.session.execute(insert(Identity), rows[start : start + 5000])

        identity_ids = dict(
            self.session.execute(
                select(Identity.idp_identity_id, Identity.id).where(Identity.idp == "mitid_erhverv")
            ).all()
        )
        self.session.execute(
            insert(OrganizationIdentity),
            [
                {
                    "organization_tin": person.employer.tin,
                    "identity_id": identity_ids[person.idp_identity_id],
                    "created": self.now,
                }
                for person in people
            ],
        )
        return identity_ids

    def _grant(self, tin: str, kind: str, key: str, roles: tuple[Role, ...]) -> None:
        for role in roles:
            self.session.add(
                RoleGrant(
                    organization_tin=tin,
                    principal_kind=kind,
                    principal_key=key,
                    role=role.value,
                    created=self.now,
                )
            )

    def _roles(self) -> None:
        for person in self.administrators:
            self._grant(
                person.employer.tin,
                PERSON,
                person_key("mitid_erhverv", person.idp_identity_id),
                ADMINISTRATOR_ROLES,
            )
        bookkeeper_key = person_key("mitid_erhverv", self.bookkeeper.idp_identity_id)
        for tin in (ACCOUNTING_FIRM_TIN, ACCOUNTING_CLIENT_TIN):
            self._grant(tin, PERSON, bookkeeper_key, (Role.PRIVILEGE_ASSIGNER,))

    def _privileges(self) -> None:
        rows = []
        whitelist = []
        for organization in ORGANIZATIONS:
            for name, danish, english, assignability in organization.catalog:
                privilege_id = self.privilege_ids[(organization.tin, name)]
                rows.append(
                    {
                        "id": privilege_id,
                        "organization_tin": organization.tin,
                        "name": name,
                        "name_key": fold(name),
                        "description_danish": danish,
                        "description_english": english,
                        "assignability": assignability.value,
                        "version": 1,
                        "created": self.now,
                        "updated": self.now,
                    }
                )
                if assignability is WHITELIST:
                    whitelist += [
                        {"privilege_id": privilege_id, "organization_tin": tin, "created": self.now}
                        for tin in WHITELISTED_CUSTOMERS
                        if tin != organization.tin
                    ]
        self.session.execute(insert(Privilege), rows)
        self.session.execute(insert(WhitelistEntry), whitelist)

    def _clients(self) -> None:
        self.session.add(
            IdpClient(
                client_id=DESKTOP_CLIENT_ID,
                name="privadmin (desktop)",
                public=True,
                secret_hash=None,
                redirect_uris={"uris": [LOOPBACK_REDIRECT]},
                created=self.now,
            )
        )
        for organization in ORGANIZATIONS:
            if not organization.is_provider:
                continue
            api_client = f"{organization.slug}-api"
            self.session.add(
                ApiClient(
                    client_id=api_client,
                    organization_tin=organization.tin,
                    name=f"{organization.name} API",
                    secret_hash=hash_secret(_secret(self.seed, api_client)),
                    disabled=False,
                    created=self.now,
                )
            )
            self._grant(organization.tin, API_CLIENT, api_client, API_CLIENT_ROLES)
            web_client = f"{organization.slug}-web"
            self.session.add(
                IdpClient(
                    client_id=web_client,
                    name=f"{organization.name} selvbetjening",
                    public=False,
                    secret_hash=hash_secret(_secret(self.seed, web_client)),
                    redirect_uris={
                        "uris": [LOOPBACK_REDIRECT],
                        "organizationTin": organization.tin,
                    },
                    created=self.now,
                )
            )

    def _assignable_by(self, assigner: DemoOrganization) -> list[str]:
        result = []
        for organization in ORGANIZATIONS:
            for name, _, _, assignability in organization.catalog:
                allowed = (
                    organization.tin == assigner.tin
                    or assignability is PUBLIC
                    or (assignability is WHITELIST and assigner.tin in WHITELISTED_CUSTOMERS)
                )
                if allowed:
                    result.append(self.privilege_ids[(organization.tin, name)])
        return result

    def _assignments(self, identity_ids: dict[str, int]) -> int:
        assignable = {org.tin: self._assignable_by(org) for org in ORGANIZATIONS}
        whitelist_ids = [
            self.privilege_ids[(org.tin, entry[0])]
            for org in ORGANIZATIONS
            for entry in org.catalog
            if entry[3] is WHITELIST
        ]
        rows = []
        for index, person in enumerate(self.employees):
            choices = assignable[person.employer.tin]
            count = min(len(choices), self.rng.randint(0, 2 * self.assignments_per_employee))
            picked = self.rng.sample(choices, count)
            # A few assignments of the customer that left the whitelists, now inactive.
            if person.employer.tin == FORMERLY_WHITELISTED and index % 10 == 0:
                picked.append(whitelist_ids[index % len(whitelist_ids)])
            rows += [
                {
                    "privilege_id": privilege_id,
                    "assigned_by_tin": person.employer.tin,
                    "identity_id": identity_ids[person.idp_identity_id],
                    "created": self.now,
                    "updated": self.now,
                }
                for privilege_id in picked
            ]
        for start in range(0, len(rows), 10000):
            self.session.execute(insert(Assignment), rows[start : start + 10000])
        return len(rows)

    # --- checking and reporting ------------------------------------------------------------

    def check_matches(self) -> None:
        first = self.administrators[0]
        stored = self.session.scalar(
            select(Identity.name).where(
                Identity.idp == "mitid_erhverv", Identity.idp_identity_id == first.idp_identity_id
            )
        )
        employees = self.session.scalar(
            select(func.count())
            .select_from(Identity)
            .where(Identity.email.like(f"%{EMAIL_DOMAIN_SUFFIX}"))
        )
        expected = len(self.employees) + len(self.administrators) + 1
        if stored != first.name or employees != expected:
            raise SeedError(
                f"the database holds demo data made with other arguments ({employees} demo identities, "
                f"{expected} expected for {self.employee_count} employees and seed {self.seed}); "
                "seed a new, empty database instead"
            )

    def report(self) -> dict[str, Any]:
        administrators = []
        for person in self.administrators:
            administrators.append(
                self._administrator(person, [(person.employer.tin, ADMINISTRATOR_ROLES)])
            )
        administrators.append(
            self._administrator(
                self.bookkeeper,
                [
                    (tin, (Role.PRIVILEGE_ASSIGNER,))
                    for tin in (ACCOUNTING_FIRM_TIN, ACCOUNTING_CLIENT_TIN)
                ],
            )
        )
        providers = [organization for organization in ORGANIZATIONS if organization.is_provider]
        return {
            "organizations": [
                {"tin": org.tin, "name": org.name, "kind": org.kind} for org in ORGANIZATIONS
            ],
            "administrators": administrators,
            "apiClients": [
                {
                    "clientId": f"{org.slug}-api",
                    "clientSecret": _secret(self.seed, f"{org.slug}-api"),
                    "organizationTin": org.tin,
                    "roles": [role.value for role in API_CLIENT_ROLES],
                }
                for org in providers
            ],
            "desktopClient": {"clientId": DESKTOP_CLIENT_ID, "redirectUris": [LOOPBACK_REDIRECT]},
            "serviceClients": [
                {
                    "clientId": f"{org.slug}-web",
                    "clientSecret": _secret(self.seed, f"{org.slug}-web"),
                    "organizationTin": org.tin,
                    "redirectUris": [LOOPBACK_REDIRECT],
                }
                for org in providers
            ],
            "employeeCount": self.employee_count,
        }

    @staticmethod
    def _administrator(
        person: _Person, roles: list[tuple[str, tuple[Role, ...]]]
    ) -> dict[str, Any]:
        return {
            "name": person.name,
            "idp": "mitid_erhverv",
            "idpIdentityId": person.idp_identity_id,
            "organizationTin": person.employer.tin,
            "organizationName": person.employer.name,
            "roles": [
                {"organizationTin": tin, "roles": [role.value for role in held]}
                for tin, held in roles
            ],
        }
