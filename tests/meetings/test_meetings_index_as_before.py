"""Issue 17: the meetings index reads its lists as rows of the columns they show and keeps
each row's markup for the process: the page is, byte for byte, what the template's loop
wrote (tests/old_templates/meetings/_meeting_list.html, with Wagtail's URL of each meeting),
for a Focal Point and the DMR, in English and French, with titles and venues to escape, on
every page of its lists and filtered; and it reads no more queries than before."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from network_pages.area_addresses import localized
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingIndexPage, MeetingKind, MeetingStatus
from network_pages.meetings.models.choices import MeetingKind as Kinds
from nfp_site import fragments
from tests.conftest import sign_in
from tests.old_templates import with_old_templates

from .test_query_budget import count_queries

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & l\'été "quoted"'
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def get_context_before(self, request, *args, **kwargs) -> dict:
    """`MeetingIndexPage.get_context` as it was (main at 027b7f7), verbatim."""
    context = super(MeetingIndexPage, self).get_context(request, *args, **kwargs)
    kind = request.GET.get("kind", "")
    if kind not in Kinds.values:
        kind = ""
    years = self.years()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year not in years:
        year = None
    now = timezone.now()
    meetings = self.meetings(kind=kind, year=year)
    upcoming = meetings.filter(closing__gte=now).order_by("opening", "pk")
    past = meetings.filter(closing__lt=now).order_by("-opening", "-pk")
    context.update(
        kinds=Kinds.choices,
        years=years,
        selected_kind=kind,
        selected_year=year,
        is_filtered=bool(kind or year),
        upcoming=self._paginate(upcoming, request.GET.get("upcoming")),
        past=self._paginate(past, request.GET.get("past")),
    )
    # A meeting is a child of this index: its address is this one's and its slug
    # (Wagtail's URL of each, 40 per page, costs a URL reversal each).
    base_url = self.get_url(request)
    for listed in (context["upcoming"], context["past"]):
        for meeting in listed:
            meeting.listing_url = f"{base_url}{meeting.slug}/"
    return context


@pytest.fixture
def listed(meetings_index):
    """Upcoming and past meetings of every kind and status, over more than one page of two
    (the lists' length is patched to two): hostile titles and venues, one without a venue,
    one on a single day."""
    make_meeting(meetings_index, title=HOSTILE, venue=HOSTILE, slug="hostile")
    make_meeting(
        meetings_index,
        title="Thematic & <session>",
        kind=MeetingKind.THEMATIC_SESSION,
        opening=days_from_today(20),
        closing=days_from_today(20, hour=17),
        venue="",
        online_link="https://meet.example.org/thematic",
        slug="thematic",
    )
    make_meeting(
        meetings_index,
        title="Joint meeting",
        kind=MeetingKind.JOINT_MEETING,
        opening=days_from_today(40),
        status=MeetingStatus.CANCELLED,
        slug="joint",
    )
    for number in range(3):
        make_meeting(
            meetings_index,
            title=f'Old plenary {number} "{HOSTILE}"',
            opening=days_from_today(-400 * (number + 1)),
            closing=days_from_today(-400 * (number + 1), hour=17),
            slug=f"old-{number}",
        )


def index_url(meetings_index, language: str) -> str:
    if language == "en":
        return meetings_index.url
    french = MeetingIndexPage.objects.get(
        translation_key=meetings_index.translation_key, locale__language_code="fr"
    )
    return localized(french.url)


QUERIES = ["", "?past=2", "?upcoming=2&past=9", "?kind=plenary", "?kind=joint_meeting"]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_meetings_index_is_written_as_before(
    meetings_index, listed, reader, language, request, monkeypatch
):
    monkeypatch.setattr("network_pages.meetings.models.meeting_index_page.MEETINGS_PER_PAGE", 2)
    client = sign_in(Client(), request.getfixturevalue(reader))
    base = index_url(meetings_index, language)
    year = days_from_today(-800).year
    for query in [*QUERIES, f"?year={year}"]:
        fragments.forget_rendered()
        now = CSRF.sub("", client.get(base + query).content.decode())
        with monkeypatch.context() as patched, with_old_templates():
            patched.setattr(MeetingIndexPage, "get_context", get_context_before)
            before = CSRF.sub("", client.get(base + query).content.decode())
        assert now == before, query
        # Written again from the rows kept for the process: the same.
        assert CSRF.sub("", client.get(base + query).content.decode()) == before, query
    assert "&lt;script&gt;" in now or "meeting-list" not in now
    first = client.get(base).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#x27;été" in first
    assert "<script>alert" not in first


def test_the_meetings_index_reads_no_more_queries_than_before(
    meetings_index, listed, focal_point, monkeypatch
):
    client = sign_in(Client(), focal_point)
    url = meetings_index.url
    client.get(url)
    with monkeypatch.context() as patched, with_old_templates():
        patched.setattr(MeetingIndexPage, "get_context", get_context_before)
        client.get(url)
        before = count_queries(client, url)
    assert count_queries(client, url) <= before
