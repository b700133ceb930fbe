"""Rebuilding the entries from their sources gives what the tasks gave, and drops strays."""

import pytest
from django.core.management import call_command

from network_pages.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def snapshot() -> set[tuple]:
    return set(SearchEntry.objects.values_list("kind", "source_id", "page_id", "audience", "body"))


def test_rebuilding_the_index_gives_the_same_entries(library):
    before = snapshot()
    SearchEntry.objects.all().delete()

    call_command("rebuild_network_search")

    assert snapshot() == before
    assert len(before) > 10
