"""Tests of the catalog editor's early input checks, deactivation previews and conflict merging."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from privadmin.controllers import catalog as rules
from privadmin.controllers.catalog import Field, Problem, Source
from privadmin.models import (
    Assignability,
    Privilege,
    PrivilegeChanges,
    PrivilegeDraft,
    PrivilegeUsage,
)

OWNER = "DK10000001"
NOW = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC)


def usage(tin: str, active: int, inactive: int = 0) -> PrivilegeUsage:
    return PrivilegeUsage(
        organization_tin=tin,
        organization_name=f"Org {tin}",
        active_count=active,
        inactive_count=inactive,
    )


def privilege(**fields: object) -> Privilege:
    values: dict[str, object] = {
        "id": uuid.UUID(int=1),
        "name": "Pension Reporter",
        "description_danish": "dansk",
        "description_english": "english",
        "assignability": Assignability.PUBLIC,
        "organization_tin": OWNER,
        "created": NOW,
        "updated": NOW,
    }
    values.update(fields)
    return Privilege.model_validate(values)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", [Problem.NAME_EMPTY]),
        ("   ", [Problem.NAME_EMPTY]),
        ("x" * 100, []),
        ("  " + "x" * 100 + "  ", []),
        ("x" * 101, [Problem.NAME_TOO_LONG]),
        ("æble", [Problem.NAME_TAKEN]),
        (" ÆBLE ", [Problem.NAME_TAKEN]),
        ("Strasse", []),
        ("Pære", []),
    ],
)
def test_check_name(name: str, expected: list[Problem]) -> None:
    assert rules.check_name(name, ["Æble", "Straße-x"]) == expected


def test_name_key_folds_unicode_case() -> None:
    assert rules.name_key(" Æble ") == rules.name_key("æble")
    assert rules.name_key("STRASSE") == rules.name_key("straße")


def test_check_draft_reports_each_field() -> None:
    draft = PrivilegeDraft(name="", description_danish="d" * 2001, description_english="e" * 2000)

    problems = rules.check_draft(draft, [])

    assert problems == {
        Field.NAME: [Problem.NAME_EMPTY],
        Field.DESCRIPTION_DANISH: [Problem.DESCRIPTION_TOO_LONG],
    }


def test_check_changes_limits_descriptions() -> None:
    changes = PrivilegeChanges(description_danish="ok", description_english="e" * 2001)

    assert rules.check_changes(changes) == {
        Field.DESCRIPTION_ENGLISH: [Problem.DESCRIPTION_TOO_LONG]
    }


def test_server_errors_map_to_fields() -> None:
    errors = {
        "name": ["taken"],
        "descriptionDanish": ["too long"],
        "body.description_english": ["bad"],
        "x": ["?"],
    }

    by_field, other = rules.server_errors_by_field(errors)

    assert by_field == {
        Field.NAME: ["taken"],
        Field.DESCRIPTION_DANISH: ["too long"],
        Field.DESCRIPTION_ENGLISH: ["bad"],
    }
    assert other == ["x: ?"]


def test_whitelist_removal_counts_that_organization() -> None:
    entries = [usage(OWNER, 5), usage("DK20000002", 3, 1), usage("DK30000003", 7)]

    deactivation = rules.deactivation_by_whitelist_removal(
        entries, OWNER, "DK20000002", Assignability.WHITELIST
    )

    assert deactivation.total == 3
    assert [item.organization_tin for item in deactivation.organizations] == ["DK20000002"]


def test_whitelist_removal_of_public_deactivates_nothing() -> None:
    entries = [usage("DK20000002", 3)]

    assert (
        rules.deactivation_by_whitelist_removal(
            entries, OWNER, "DK20000002", Assignability.PUBLIC
        ).total
        == 0
    )


def test_turning_private_counts_all_other_organizations() -> None:
    entries = [
        usage(OWNER, 5),
        usage("DK20000002", 3, 4),
        usage("DK30000003", 7),
        usage("DK40000004", 0, 2),
    ]

    deactivation = rules.deactivation_by_assignability(
        entries, OWNER, Assignability.PUBLIC, Assignability.PRIVATE, []
    )

    assert deactivation.total == 10
    assert [item.organization_tin for item in deactivation.organizations] == [
        "DK30000003",
        "DK20000002",
    ]


def test_public_to_whitelist_counts_organizations_off_the_list() -> None:
    entries = [usage(OWNER, 5), usage("DK20000002", 3), usage("DK30000003", 7)]

    deactivation = rules.deactivation_by_assignability(
        entries, OWNER, Assignability.PUBLIC, Assignability.WHITELIST, ["DK30000003"]
    )

    assert deactivation.total == 3
    assert [item.organization_tin for item in deactivation.organizations] == ["DK20000002"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (Assignability.PRIVATE, Assignability.PUBLIC),
        (Assignability.PRIVATE, Assignability.WHITELIST),
        (Assignability.WHITELIST, Assignability.PUBLIC),
        (Assignability.PUBLIC, Assignability.PUBLIC),
    ],
)
def test_widening_deactivates_nothing(old: Assignability, new: Assignability) -> None:
    entries = [usage("DK20000002", 3)]

    assert rules.deactivation_by_assignability(entries, OWNER, old, new, []).total == 0


def test_merge_defaults_keep_each_sides_own_changes() -> None:
    base = privilege()
    mine = PrivilegeChanges(
        description_danish="min", description_english="english", assignability=Assignability.PUBLIC
    )
    theirs = privilege(description_english="theirs", assignability=Assignability.WHITELIST)

    choices = rules.default_merge_choices(base, mine, theirs)

    assert choices == {
        Field.DESCRIPTION_DANISH: Source.MINE,
        Field.DESCRIPTION_ENGLISH: Source.THEIRS,
        Field.ASSIGNABILITY: Source.THEIRS,
    }
    merged = rules.merged_changes(mine, theirs, choices)
    assert merged == PrivilegeChanges(
        description_danish="min",
        description_english="theirs",
        assignability=Assignability.WHITELIST,
    )


def test_merge_when_both_changed_defaults_to_mine() -> None:
    base = privilege()
    mine = PrivilegeChanges(
        description_danish="min", description_english="english", assignability=Assignability.PUBLIC
    )
    theirs = privilege(description_danish="deres")

    choices = rules.default_merge_choices(base, mine, theirs)

    assert choices[Field.DESCRIPTION_DANISH] is Source.MINE
    chosen = {**choices, Field.DESCRIPTION_DANISH: Source.THEIRS}
    assert rules.merged_changes(mine, theirs, chosen).description_danish == "deres"
