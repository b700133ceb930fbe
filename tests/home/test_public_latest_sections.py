"""Issue 17: a public home's latest sections are each written once per process: the home is,
byte for byte, what it was (English and French, titles and summaries to escape, a summary
cut at 40 words), to a visitor and to a signed-in member, in no more queries, and an item
changed or published is shown at once."""

import pytest
from django.db import connection
from django.template.loader import get_template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from home.models import GoodPracticePage, NewsItemPage
from home.page_cache import start_new_generation
from tests.conftest import sign_in
from tests.home.conftest import (
    DRAFT_MARKER,
    RESTRICTED_MARKER,
    publish_under,
    rendered,
    translate_into_french,
)
from tests.old_templates import PUBLIC_HOME, with_old_templates
from workflows.gate import acting_as_system

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & l\'été "quoted" {{ x }} {% now "Y" %}'
LONG_INTRO = " ".join([HOSTILE, *(f"mot{number} é&<" for number in range(60))])


def rendered_before(url: str) -> str:
    with with_old_templates():
        return rendered(url)


@pytest.fixture
def hostile_items(public_section):
    news = public_section.indexes["en"]["newsindexpage"]
    for day in (2, 3, 4, 5):
        item = publish_under(
            news, NewsItemPage(title=f"{HOSTILE} {day}", intro=LONG_INTRO, date=f"2031-01-0{day}")
        )
    translate_into_french(item, title=f"Réunion {HOSTILE}", intro=f"Résumé {LONG_INTRO}")
    practices = public_section.indexes["fr"]["goodpracticeindexpage"]
    publish_under(practices, GoodPracticePage(title=HOSTILE, intro=HOSTILE, date="2030-07-01"))


def test_the_old_template_is_still_the_one_compared_with():
    with with_old_templates():
        assert "tests/old_templates" in get_template(PUBLIC_HOME).origin.name


@pytest.mark.parametrize("url", ["/en/", "/fr/"])
def test_a_public_home_is_written_as_before(hostile_items, url):
    before = rendered_before(url)
    now = rendered(url)
    assert now == before
    assert now == rendered(url)  # the kept sections, once more
    assert 'class="latest"' in now and "<script>alert" not in now
    assert DRAFT_MARKER not in now and RESTRICTED_MARKER not in now


@pytest.mark.parametrize("url", ["/en/", "/fr/"])
@pytest.mark.parametrize("member", ["focal_point", "dmr_user"])
def test_a_public_home_is_written_as_before_to_a_member(hostile_items, url, member, request):
    client = sign_in(Client(), request.getfixturevalue(member))

    def main(response) -> str:
        assert response.status_code == 200
        # The header's forms carry a new CSRF token each time: the page's own content.
        return response.content.decode().split("<main", 1)[1]

    with with_old_templates():
        before = main(client.get(url))
    now = main(client.get(url))
    assert now == before
    assert 'class="latest"' in now


def test_an_item_renamed_is_shown_renamed_at_once(hostile_items):
    assert escape(f"{HOSTILE} 5") in rendered("/en/")  # the sections now kept
    item = NewsItemPage.objects.get(title=f"{HOSTILE} 5")  # the newest, in English
    item.title = "Renamed meeting"
    with acting_as_system("test arrangement: a change the joint approval released"):
        item.save_revision().publish()
    html = rendered("/en/")
    assert html == rendered_before("/en/")
    assert "Renamed meeting" in html and escape(f"{HOSTILE} 5") not in html


def test_a_public_home_reads_no_more_queries_than_before(hostile_items):
    def queries(before: bool) -> int:
        with with_old_templates() if before else _nothing():
            rendered("/en/")  # the site's lookups kept, as on a server that runs
            start_new_generation()
            with CaptureQueriesContext(connection) as captured:
                Client().get("/en/")
        return len(captured)

    assert queries(before=False) <= queries(before=True)


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
