"""Issue 16: the directory is a page one can read on a phone. States with nobody listed
collapse into one list, and people invited are listed only once they have accepted."""

import re

import pytest
from django.utils import timezone

from network_pages.factories import make_member
from network_pages.models import Invitation, MemberState, NationalNetworkOrganisation
from tests.conftest import PASSWORD, sign_in

from .conftest import directory_url, listed_usernames

pytestmark = pytest.mark.django_db


def blocks(html: str) -> list[str]:
    return re.findall(r'<section class="directory-state" id="state-([A-Z]{2})"', html)


def unlisted(html: str) -> list[str]:
    section = html.split('id="states-without-members"', 1)[1].split("</details>", 1)[0]
    return re.findall(r'<li id="state-([A-Z]{2})">', section)


def test_states_with_nobody_listed_are_one_collapsed_list(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url()).content.decode()

    assert set(blocks(html)) == {"FR", "DE", "IT"}
    assert len(unlisted(html)) == 43
    assert "43 member states without a listed Focal Point" in html
    assert "<details>" in html
    assert "No Focal Point is listed for this member state." not in html
    assert 'href="#states-without-members"' in html


def test_a_state_with_only_a_national_network_keeps_its_block(client, members, focal_point):
    austria = MemberState.objects.get(code="AT")
    NationalNetworkOrganisation.objects.create(
        member_state=austria, name="Caritas", kind=NationalNetworkOrganisation.Kind.NON_GOVERNMENTAL
    )

    html = sign_in(client, focal_point).get(directory_url()).content.decode()

    assert "AT" in blocks(html)
    assert "AT" not in unlisted(html)
    assert "No Focal Point is listed for this member state." in html


def test_the_dmr_can_start_a_national_network_from_the_collapsed_list(client, members, dmr_user):
    html = sign_in(client, dmr_user).get(directory_url()).content.decode()

    assert 'href="/en/network/directory/state/AT/national-network/add/"' in html


def test_a_focal_point_sees_no_add_link_for_other_states(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url()).content.decode()

    assert "/state/AT/national-network/add/" not in html


def test_one_state_asked_for_is_shown_whole_even_when_empty(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url("?state=AT")).content.decode()

    assert blocks(html) == ["AT"]
    assert "states-without-members" not in html


def invite(username: str, state: str = "FR"):
    user = make_member(username, state=state, first_name="Ines", last_name="Invitee")
    Invitation.issue(user)
    return user


def test_an_invitee_is_not_listed_before_accepting(client, members, focal_point):
    invitee = invite("ines")

    response = sign_in(client, focal_point).get(directory_url())

    assert "ines" not in listed_usernames(response)["FR"]
    assert "Ines Invitee" not in response.content.decode()
    vcard = client.get(directory_url(f"person/{invitee.member_profile.pk}/vcard/"))
    assert vcard.status_code == 404


def test_an_invitee_is_listed_once_they_have_accepted(client, members, focal_point):
    invitee = invite("ines")
    invitee.set_password(PASSWORD)
    invitee.save()
    invitee.invitations.update(used_at=timezone.now())

    response = sign_in(client, focal_point).get(directory_url())

    assert "ines" in listed_usernames(response)["FR"]


def test_an_invitee_is_not_in_the_export(client, members, dmr_user):
    invite("ines")

    response = sign_in(client, dmr_user).get(directory_url("export/csv/"))

    assert "Invitee" not in response.content.decode("utf-8-sig")
