"""Issue 17: a public index reads its cards as rows of five columns, not as whole pages:
the page is, byte for byte, what it was (news, publications and good practices, in English
and French, with a title to escape, on every page of the list), in fewer queries or as many,
and never lists a draft or a restricted page."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.template.loader import get_template
from django.test import Client
from django.test.utils import CaptureQueriesContext

from home.models import (
    GoodPracticeIndexPage,
    GoodPracticePage,
    NewsIndexPage,
    NewsItemPage,
    PublicIndexPage,
)
from home.page_cache import start_new_generation
from tests.home.conftest import DRAFT_MARKER, RESTRICTED_MARKER, publish_under, rendered
from tests.old_templates import PUBLIC_INDEX, with_old_templates

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & l\'été "quoted"'


def get_context_before(self, request, *args, **kwargs):
    """`PublicIndexPage.get_context` as it was, verbatim."""
    context = super(PublicIndexPage, self).get_context(request, *args, **kwargs)
    context["items"] = Paginator(self.items(), self.per_page).get_page(request.GET.get("page"))
    return context


def rendered_before(url: str, monkeypatch) -> str:
    with monkeypatch.context() as patched, with_old_templates():
        patched.setattr(PublicIndexPage, "get_context", get_context_before)
        return rendered(url)


@pytest.fixture
def hostile_items(public_section, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "per_page", 2)
    monkeypatch.setattr(GoodPracticeIndexPage, "per_page", 1)  # pages of links in French
    news = public_section.indexes["en"]["newsindexpage"]
    for day in (2, 3):
        publish_under(
            news, NewsItemPage(title=f"{HOSTILE} {day}", intro=HOSTILE, date=f"2031-01-0{day}")
        )
    practices = public_section.indexes["fr"]["goodpracticeindexpage"]
    publish_under(practices, GoodPracticePage(title=HOSTILE, intro=HOSTILE, date="2030-07-01"))
    # An address `reverse` quotes (written by Wagtail itself).
    publish_under(
        practices, GoodPracticePage(title="Été", slug="été", intro=HOSTILE, date="2030-07-02")
    )


def test_the_old_template_is_still_the_one_compared_with():
    with with_old_templates():
        assert "tests/old_templates" in get_template(PUBLIC_INDEX).origin.name


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/",
        "/en/news/?page=2",
        "/fr/actualites/",
        "/en/publications/",
        "/fr/publications/",
        "/en/good-practices/",
        "/fr/bonnes-pratiques/",
        "/fr/bonnes-pratiques/?page=2",
        "/fr/bonnes-pratiques/?page=9",
        "/fr/bonnes-pratiques/?page=x",
    ],
)
def test_a_public_index_is_written_as_before(hostile_items, url, monkeypatch):
    now = rendered(url)
    assert now == rendered_before(url, monkeypatch)
    assert "<script>alert" not in now
    assert DRAFT_MARKER not in now and RESTRICTED_MARKER not in now


def test_the_hostile_titles_are_listed_escaped(hostile_items):
    html = rendered("/en/news/")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#x27;été" in html
    assert 'href="/en/news/' in html
    assert 'href="/fr/bonnes-pratiques/%C3%A9t%C3%A9/"' in rendered("/fr/bonnes-pratiques/")


def test_a_public_index_reads_no_more_queries_than_before(hostile_items, monkeypatch):
    def queries(before: bool) -> int:
        with monkeypatch.context() as patched:
            if before:
                patched.setattr(PublicIndexPage, "get_context", get_context_before)
            rendered("/en/news/")  # the site's lookups kept, as on a server that runs
            start_new_generation()
            with CaptureQueriesContext(connection) as captured:
                Client().get("/en/news/")
        return len(captured)

    assert queries(before=False) <= queries(before=True)


def test_the_pages_of_links_compared_are_there(hostile_items):
    assert 'rel="next"' in rendered("/fr/bonnes-pratiques/")
    assert 'rel="prev"' in rendered("/fr/bonnes-pratiques/?page=2")
    assert 'rel="prev"' in rendered("/en/news/?page=2")
