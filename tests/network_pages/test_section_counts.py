"""Issue 17: a section limited to one per parent (meetings, requests, thematic groups... and
the public indexes) is counted once per parent for all section types
(nfp_site/page_counts.py), by Wagtail's own rule."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, get_page_models

from network_pages.meetings.models import MeetingIndexPage
from nfp_site.page_counts import OncePerParent

pytestmark = pytest.mark.django_db


def _sections() -> list[type[Page]]:
    return [model for model in get_page_models() if issubclass(model, OncePerParent)]


def _wagtails_rule(model, parent) -> bool:
    return Page.can_create_at.__func__(model, parent)


def test_every_section_limited_per_parent_counts_once_per_parent():
    assert len(_sections()) >= 8
    assert all(model.max_count_per_parent == 1 for model in _sections())


def test_the_answer_is_wagtails_under_every_home(homes, network):
    parents = [*Page.objects.filter(depth=2), *Page.objects.filter(depth=3)]

    for parent in parents:
        for model in _sections():
            fresh = Page.objects.get(pk=parent.pk).specific
            assert model.can_create_at(parent.specific) == _wagtails_rule(model, fresh), (
                model,
                parent,
            )


def test_all_the_sections_of_a_parent_cost_one_query(network):
    parent = Page.objects.get(pk=network.pk).specific

    with CaptureQueriesContext(connection) as queries:
        for model in _sections():
            model.can_create_at(parent)

    assert len(queries) == 1


def test_a_section_added_to_the_same_parent_object_is_counted(network):
    parent = Page.objects.get(pk=network.pk).specific
    existing = MeetingIndexPage.objects.child_of(parent).first()
    assert not MeetingIndexPage.can_create_at(parent)
    existing.delete()
    parent = Page.objects.get(pk=network.pk).specific
    assert MeetingIndexPage.can_create_at(parent)

    parent.add_child(instance=MeetingIndexPage(title="Meetings again", slug="meetings-again"))

    assert not MeetingIndexPage.can_create_at(parent)
