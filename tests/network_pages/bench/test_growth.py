"""Growing a database: the sizes are reached, the same size gives the same data, and a
second growth adds nothing. At a tiny size, so that it takes seconds."""

import pytest
from django.db import transaction
from wagtail.models import Page

from network_pages.bench import grow
from network_pages.community.models import MemberComment
from network_pages.information.models import InformationRequestPage, Response
from network_pages.site_structure import ensure_site_structure

pytestmark = pytest.mark.django_db

TINY = grow.Sizes(
    focal_points=12,
    groups=2,
    members_only_groups=1,
    meetings=2,
    requests=2,
    items=2,
    publications=2,
    news=1,
    good_practices=1,
    comments=30,
    heavy_threads=3,
)


def grow_tiny() -> None:
    grow.Grower(ensure_site_structure(), TINY, say=lambda line: None).run()


def fingerprint() -> list:
    """What the growth made, without database ids: titles, answering states, comments."""
    requests = InformationRequestPage.objects.filter(
        alias_of__isnull=True, title__startswith="Survey"
    )
    return [
        sorted(Page.objects.filter(alias_of__isnull=True).values_list("title", "slug")),
        sorted(
            Response.objects.filter(request__in=requests).values_list(
                "request__title", "member_state__code", "status"
            )
        ),
        sorted(MemberComment.objects.values_list("page__title", "author__username", "body")),
    ]


def test_growth_reaches_the_sizes_asked_for():
    before = grow.census()
    grow_tiny()
    after = grow.census()

    assert after.requests - before.requests == TINY.requests
    assert after.meetings - before.meetings == TINY.meetings
    assert after.groups - before.groups == TINY.groups
    assert after.items - before.items == TINY.items
    assert after.comments - before.comments == TINY.comments
    # Public pages are published in English and in French.
    assert after.publications - before.publications == 2 * TINY.publications
    assert after.news - before.news == 2 * TINY.news
    assert after.good_practices - before.good_practices == 2 * TINY.good_practices
    assert after.focal_points - before.focal_points == TINY.focal_points


def test_the_measured_request_has_an_answer_from_every_member_state():
    grow_tiny()
    first = InformationRequestPage.objects.get(title__startswith="Survey 0001:", alias_of=None)
    assert first.responses.count() == grow.census().member_states == 46


def test_members_only_workspaces_and_meetings_add_view_restrictions():
    before = grow.census().view_restrictions
    grow_tiny()
    # One per meeting and one per members-only workspace page (its update).
    assert grow.census().view_restrictions - before == TINY.meetings + TINY.members_only_groups


def test_the_same_size_grows_the_same_data():
    with transaction.atomic():
        grow_tiny()
        first = fingerprint()
        transaction.set_rollback(True)
    grow_tiny()
    assert fingerprint() == first


def test_a_second_growth_adds_nothing():
    grow_tiny()
    counts = grow.census()
    grow_tiny()
    assert grow.census() == counts
