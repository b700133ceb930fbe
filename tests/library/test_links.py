"""Readers find the libraries: the section navigation links to the network's, a meeting's
and a group's page to their own, and a workspace closed to the reader shows no link."""

import pytest
from django.test import Client
from wagtail.models import Locale

from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_network_navigation_links_to_every_library_one_may_read(network, focal_point):
    assert 'href="/en/network/library/all/"' in html_of(sign_in(Client(), focal_point), network.url)


def test_a_meeting_links_to_its_library_in_both_languages(libraries, expert):
    meeting = libraries["meeting"].page
    client = sign_in(Client(), expert)
    link = f'href="/en/network/library/meetings/{meeting.pk}/"'
    assert link in html_of(client, meeting.url)
    french = meeting.get_translation(Locale.objects.get(language_code="fr"))
    assert f'href="/fr/reseau/bibliotheque/reunions/{meeting.pk}/"' in html_of(client, french.url)


def test_a_members_only_group_links_to_its_library_for_its_readers_only(
    libraries, focal_point, other_focal_point
):
    group = libraries["private group"].page
    link = f'href="/en/network/library/groups/{group.pk}/"'
    assert link in html_of(sign_in(Client(), focal_point), group.url)
    assert link not in html_of(sign_in(Client(), other_focal_point), group.url)
