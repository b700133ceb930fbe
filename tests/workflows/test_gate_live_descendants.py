"""Issue 17: the explorer's "live pages below?" (`gate.annotate_live_descendants`, asked by
each row's Delete) read by a range of the path's index is the tree's answer for every page:
a sibling whose path sorts after the page's is not below it, a page without children has
none, a draft below does not count."""

import pytest
from wagtail.models import Page

from network_pages.information.factories import make_request
from network_pages.information.models import InformationRequestIndexPage
from workflows.gate import LIVE_DESCENDANTS, annotate_live_descendants

pytestmark = pytest.mark.django_db


def answers() -> dict[int, bool]:
    return {
        page.pk: getattr(page, LIVE_DESCENDANTS)
        for page in annotate_live_descendants(Page.objects.all())
    }


def tree_answers() -> dict[int, bool]:
    return {
        page.pk: page.get_descendants().filter(live=True).exists() for page in Page.objects.all()
    }


def test_every_page_is_answered_as_the_tree_answers(network):
    requests = InformationRequestIndexPage.objects.get(locale__language_code="en")
    make_request(requests, title="Statelessness", language="en")
    make_request(requests, title="Reception of minors", language="en", live=False)

    assert answers() == tree_answers()
    assert answers()[requests.pk] is True


def test_a_page_whose_pages_below_are_all_drafts_has_no_live_descendants(network):
    requests = InformationRequestIndexPage.objects.get(locale__language_code="en")
    make_request(requests, title="Reception of minors", language="en", live=False)
    requests.get_descendants().update(live=False)

    assert answers()[requests.pk] is False
    assert answers() == tree_answers()
