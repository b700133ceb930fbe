"""3.2: the contact details of every active member, by member state, for every member."""

import re

import pytest

from network_pages import roles
from network_pages.factories import make_member
from network_pages.models import MemberProfile
from tests.conftest import sign_in

from .conftest import directory_url, listed_usernames

pytestmark = pytest.mark.django_db


def test_members_are_grouped_under_their_member_state(client, members, focal_point):
    response = sign_in(client, focal_point).get(directory_url())

    listing = listed_usernames(response)
    assert set(listing["FR"]) == {"fp_fr", "claire", "marc"}
    assert set(listing["DE"]) == {"fp_de", "hans"}
    assert listing["IT"] == ["approver"]
    assert listing["AT"] == []  # every state has its entry, listed or not


def test_each_state_is_a_headed_section(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url()).content.decode()

    assert (
        '<section class="directory-state" id="state-FR" aria-labelledby="state-FR-heading">' in html
    )
    assert '<h2 id="state-FR-heading">France</h2>' in html
    assert '<h2 id="state-DE-heading">Germany</h2>' in html


def test_focal_points_come_before_deputies_within_a_state(client, members, focal_point):
    response = sign_in(client, focal_point).get(directory_url())

    assert listed_usernames(response)["FR"] == ["claire", "fp_fr", "marc"]


def test_secretariat_has_its_own_section(client, members, focal_point):
    response = sign_in(client, focal_point).get(directory_url())

    listing = listed_usernames(response)
    assert listing.pop("DMR") == ["dana", "dmr"]
    assert not any({"dana", "dmr"} & set(usernames) for usernames in listing.values())
    assert '<h2 id="dmr-secretariat-heading">DMR Secretariat</h2>' in response.content.decode()


def test_directory_shows_each_members_contact_details(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url()).content.decode()

    row = re.search(r"<tr>\s*<th scope=\"row\">Claire Dubois</th>(.*?)</tr>", html, re.S)
    assert row is not None
    cells = row.group(1)
    assert "<td>Focal Point</td>" in cells
    assert "<td>Ministère de l&#x27;Intérieur</td>" in cells
    assert "<td>Head of unit</td>" in cells
    assert (
        '<a href="mailto:claire.dubois@interieur.example">claire.dubois@interieur.example</a>'
        in cells
    )
    assert "<td>+33 1 23 45 67 89</td>" in cells


def test_deputy_is_named_as_such(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url()).content.decode()

    assert re.search(r"Marc Aubert</th>\s*<td>Deputy Focal Point</td>", html)


def test_the_directory_shows_the_account_email(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url()).content.decode()

    assert 'href="mailto:marc@example.org"' in html


def test_inactive_profiles_are_not_listed(client, members, focal_point):
    MemberProfile.objects.filter(user=members["claire"]).update(is_active=False)

    response = sign_in(client, focal_point).get(directory_url())

    assert "claire" not in listed_usernames(response)["FR"]
    assert "Claire Dubois" not in response.content.decode()


def test_deactivated_accounts_are_not_listed(client, members, focal_point):
    members["hans"].is_active = False
    members["hans"].save()

    response = sign_in(client, focal_point).get(directory_url())

    assert listed_usernames(response)["DE"] == ["fp_de"]
    assert "Hans Becker" not in response.content.decode()


def test_guests_are_never_listed(client, members, focal_point, guest, outsider):
    invited = make_member(
        "expert", groups=(roles.GUESTS,), state=None, first_name="Ingrid", last_name="Expert"
    )

    response = sign_in(client, focal_point).get(directory_url())

    everyone = [name for usernames in listed_usernames(response).values() for name in usernames]
    assert {"guest", "outsider", invited.username}.isdisjoint(everyone)
    assert "Ingrid Expert" not in response.content.decode()


def test_filter_by_member_state_keeps_that_state_only(client, members, focal_point):
    response = sign_in(client, focal_point).get(directory_url("?state=DE"))

    assert listed_usernames(response) == {"DE": ["hans", "fp_de"]}
    assert "Claire Dubois" not in response.content.decode()


def test_unknown_state_filter_is_reported_and_filters_nothing(client, members, focal_point):
    response = sign_in(client, focal_point).get(directory_url("?state=XX"))

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert len(response.context["directory"].states) == 46


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dubois", {"FR": ["claire"]}),
        ("Claire Dubois", {"FR": ["claire"]}),
        ("federal office", {"DE": ["hans"]}),
        ("council of europe", {"DMR": ["dana"]}),
        ("office", {"FR": ["marc"], "DE": ["hans"]}),
    ],
)
def test_search_matches_name_or_institution(client, members, focal_point, query, expected):
    response = sign_in(client, focal_point).get(directory_url(), {"q": query})

    assert listed_usernames(response) == expected


def test_search_and_state_filter_combine(client, members, focal_point):
    response = sign_in(client, focal_point).get(directory_url(), {"q": "office", "state": "FR"})

    assert listed_usernames(response) == {"FR": ["marc"]}


def test_search_finds_national_network_organisations(client, members, focal_point, red_cross):
    response = sign_in(client, focal_point).get(directory_url(), {"q": "croix-rouge"})

    entries = response.context["directory"].states
    assert [(entry.state.code, entry.organisations) for entry in entries] == [("FR", [red_cross])]


def test_search_without_a_match_says_so(client, members, focal_point):
    response = sign_in(client, focal_point).get(directory_url(), {"q": "nobody-by-that-name"})

    html = response.content.decode()
    assert "0 members listed." in html
    assert "Nothing in the directory matches your search." in html


def test_result_count_is_announced(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url("?state=FR")).content.decode()

    assert re.search(r'<div id="directory-results" role="status">\s*<p>3 members listed.', html)


def test_search_form_is_labelled_and_has_a_submit_button(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url()).content.decode()

    assert 'role="search" aria-labelledby="directory-search-heading"' in html
    assert '<label for="id_q">Name or institution:</label>' in html
    assert '<label for="id_state">Member state:</label>' in html
    assert '<button type="submit">Search</button>' in html


def test_people_tables_have_column_and_row_headers(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url("?state=FR")).content.decode()

    assert "<caption>Focal Points of France</caption>" in html
    for column in ("Name", "Function", "Institution", "Position", "Email", "Phone"):
        assert f'<th scope="col">{column}</th>' in html
    assert '<th scope="row">Claire Dubois</th>' in html


def test_french_alias_serves_the_directory_in_french(client, members, focal_point):
    response = sign_in(client, focal_point).get(directory_url(language="fr"))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Claire Dubois" in html
    assert '<h2 id="state-DE-heading">Allemagne</h2>' in html


def test_states_are_named_and_ordered_in_the_readers_language(client, members, focal_point):
    french = sign_in(client, focal_point).get(directory_url(language="fr"))
    english = client.get(directory_url())

    french_names = [entry.state.name_fr for entry in french.context["directory"].states]
    english_names = [entry.state.name_en for entry in english.context["directory"].states]
    assert french_names[:2] == ["Albanie", "Allemagne"]
    assert french_names.index("Suède") < french_names.index("Suisse")
    assert english_names[:2] == ["Albania", "Andorra"]


def test_a_state_without_members_still_has_its_entry(client, members, focal_point):
    response = sign_in(client, focal_point).get(directory_url("?state=AT"))

    assert listed_usernames(response) == {"AT": []}
    html = response.content.decode()
    assert "No Focal Point is listed for this member state." in html
    assert "No organisation is listed yet." in html
