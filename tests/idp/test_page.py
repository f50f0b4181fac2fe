"""The authorization page: identities from the database, typed UUIDs, languages, cancelling."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import httpx

from privserver.testing import parse_sign_in_form
from tests.idp.conftest import ADMIN_ID, EMPLOYEE_ID, IdpUnderTest
from tests.idp.helpers import authorization_query, redirect_params


def open_page(idp: IdpUnderTest, **extra: str) -> httpx.Response:
    query, _ = authorization_query(
        "privadmin-desktop", "http://127.0.0.1:5000/callback", state="st", **extra
    )
    return httpx.get(f"{idp.issuer}/authorize?{urlencode(query)}")


def submit(idp: IdpUnderTest, page: httpx.Response, **fields: str) -> httpx.Response:
    form = parse_sign_in_form(page.text)
    return httpx.post(form.action, data=dict(form.fields, action="sign_in", **fields))


def test_page_lists_administrators_and_employees(idp: IdpUnderTest) -> None:
    page = open_page(idp)

    assert page.status_code == 200
    assert '<html lang="da">' in page.text
    assert "Vælg identitet" in page.text
    assert "kun til demonstration og test" in page.text or "demonstration og test" in page.text
    assert "Søren Østergaard" in page.text
    assert "Tildeler rettigheder" in page.text
    assert "Åse Jensen" in page.text
    assert "Ærø Revision ApS" in page.text
    assert parse_sign_in_form(page.text).identities == [
        f"mitid_erhverv:{ADMIN_ID}",
        f"mitid_erhverv:{EMPLOYEE_ID}",
    ]


def test_page_loads_nothing_from_elsewhere(idp: IdpUnderTest) -> None:
    page = open_page(idp)
    stylesheet = httpx.get(f"{idp.issuer}/static/idp.css")

    assert stylesheet.status_code == 200
    assert "<script" not in page.text
    assert "https://" not in page.text.replace("https://netseidbroker", "")
    assert "@import" not in stylesheet.text


def test_page_in_english(idp: IdpUnderTest) -> None:
    page = open_page(idp, ui_locales="en")

    assert '<html lang="en">' in page.text
    assert "Choose identity" in page.text
    assert "Assigns privileges" in page.text
    assert "ui_locales=da" in page.text


def test_choosing_an_offered_identity(idp: IdpUnderTest) -> None:
    answer = submit(idp, open_page(idp), identity=f"mitid_erhverv:{EMPLOYEE_ID}")

    assert answer.status_code == 303
    params = redirect_params(answer.headers["location"])
    assert params["code"]
    assert params["state"] == "st"


def test_typed_uuid_in_upper_case(idp: IdpUnderTest) -> None:
    answer = submit(idp, open_page(idp), identity_id=f"  {ADMIN_ID.upper()} ")

    assert answer.status_code == 303


def test_unknown_uuid_shows_message(idp: IdpUnderTest) -> None:
    unknown = "11111111-2222-4333-8444-555555555555"

    answer = submit(idp, open_page(idp, ui_locales="en"), identity_id=unknown)

    assert answer.status_code == 400
    assert f"No identity with UUID {unknown} exists" in answer.text
    assert 'role="alert"' in answer.text
    assert unknown in answer.text


def test_malformed_uuid_shows_message(idp: IdpUnderTest) -> None:
    answer = submit(idp, open_page(idp), identity_id="not-a-uuid")

    assert answer.status_code == 400
    assert "er ikke en UUID" in answer.text


def test_no_choice_shows_message(idp: IdpUnderTest) -> None:
    answer = submit(idp, open_page(idp))

    assert answer.status_code == 400
    assert "Vælg en identitet" in answer.text


def test_cancel_returns_access_denied(idp: IdpUnderTest) -> None:
    form = parse_sign_in_form(open_page(idp).text)

    answer = httpx.post(form.action, data=dict(form.fields, action="cancel"))

    assert answer.status_code == 303
    params = redirect_params(answer.headers["location"])
    assert params["error"] == "access_denied"
    assert params["state"] == "st"


def test_home_page_states_demo_use(idp: IdpUnderTest) -> None:
    page = httpx.get(f"{idp.issuer}/", params={"ui_locales": "en"})

    assert page.status_code == 200
    assert "for demos and tests only" in page.text


def test_login_hint_preselects_identity(idp: IdpUnderTest) -> None:
    page = open_page(idp, login_hint=EMPLOYEE_ID.upper())

    assert re.search(rf'value="mitid_erhverv:{EMPLOYEE_ID}"\s+checked', page.text)
    assert not re.search(rf'value="mitid_erhverv:{ADMIN_ID}"\s+checked', page.text)


def test_login_hint_of_unlisted_uuid_fills_the_field(idp: IdpUnderTest) -> None:
    unlisted = "11111111-2222-4333-8444-555555555555"

    page = open_page(idp, login_hint=unlisted)

    assert f'name="identity_id" id="identity_id" value="{unlisted}"' in page.text
