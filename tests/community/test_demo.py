"""`make run`'s demo content for this app, created after the demo accounts (idempotent)."""

import pytest
from django.core.management import call_command

from network_pages.community.demo import seed_community_demo
from network_pages.community.models import MemberComment, Membership, Rapporteur
from network_pages.models import NetworkHomePage

pytestmark = pytest.mark.django_db


def test_community_demo_is_created_once(client):
    call_command("seed_demo")
    network = NetworkHomePage.objects.get(locale__language_code="en")

    lines = seed_community_demo(network)
    counts = (Membership.objects.count(), Rapporteur.objects.count(), MemberComment.objects.count())
    seed_community_demo(network)

    assert any("/en/network/thematic-groups/" in line for line in lines)
    assert counts == (3, 2, 5)
    assert (
        Membership.objects.count(),
        Rapporteur.objects.count(),
        MemberComment.objects.count(),
    ) == counts
