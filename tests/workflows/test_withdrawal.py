"""3.3: the DMR can withdraw what was made public, in both languages, saying why."""

import pytest
from wagtail.models import Locale, Page, PageLogEntry

from tests.conftest import sign_in
from workflows.models import PublicRelease

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_pair(publish, translate):
    english = publish()
    french = translate(english)
    return english, french


def withdraw_url(page) -> str:
    return f"/admin/joint-approval/withdraw/{page.pk}/"


def test_the_dmr_withdraws_a_public_page_in_both_languages_with_a_reason(
    client, public_pair, dmr_user
):
    english, french = public_pair

    response = sign_in(client, dmr_user).post(
        withdraw_url(french), {"reason": "A member state withdrew its consent."}
    )

    assert response.status_code == 302
    assert not Page.objects.get(pk=english.pk).live
    assert not Page.objects.get(pk=french.pk).live
    # Both languages were released (each by its own joint approval); both are withdrawn.
    releases = PublicRelease.objects.all()
    assert {release.page_id for release in releases} == {english.pk, french.pk}
    assert {release.withdrawn_by for release in releases} == {dmr_user}
    assert {r.withdrawal_reason for r in releases} == {"A member state withdrew its consent."}
    entries = PageLogEntry.objects.filter(action="workflows.withdraw")
    assert {entry.page_id for entry in entries} == {english.pk, french.pk}
    assert all(e.data["reason"] == "A member state withdrew its consent." for e in entries)
    client.logout()
    assert client.get(english.url).status_code == 404
    assert client.get(french.url).status_code == 404


def test_a_withdrawal_needs_a_reason(client, public_pair, dmr_user):
    english, _french = public_pair

    response = sign_in(client, dmr_user).post(withdraw_url(english), {"reason": ""})

    assert response.status_code == 200
    assert "Give the reason for the withdrawal." in response.content.decode()
    assert Page.objects.get(pk=english.pk).live


def test_the_withdraw_button_is_offered_to_the_dmr_on_released_pages(client, public_pair, dmr_user):
    english, _french = public_pair

    html = sign_in(client, dmr_user).get(f"/admin/pages/{english.get_parent().pk}/").content
    home = Page.objects.get(depth=2, locale=Locale.objects.get(language_code="en"))
    other = client.get(f"/admin/pages/{home.pk}/").content

    assert withdraw_url(english).encode() in html
    assert withdraw_url(home).encode() not in other
