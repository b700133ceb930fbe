"""Issue 17: the admin screens the DMR uses at network size (dashboard, explorer, editor)
answer Wagtail's questions from what is already read or kept, with Wagtail's answers: a
page's privacy, the filters' choices, the rows' locales, the editor's selects, the stale
editing sessions, the dashboard's recent edits."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.forms.models import ModelChoiceIterator
from django.test import RequestFactory
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.admin.views.home import RecentEditsPanel
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.models import Page, PageLogEntry, PageViewRestriction

from home.public_pages import restricted_root_paths
from network_pages.information.factories import make_request
from network_pages.information.models import InformationRequestIndexPage, InformationRequestPage
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingIndexPage
from nfp_site.admin_dashboard import BatchedRecentEditsPanel
from nfp_site.admin_privacy import read_restricted_roots_once
from nfp_site.page_editor import SESSIONS_CLEANED, read_choices_once
from nfp_site.page_explorer import ExplorerFilterSet
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests_index(network):
    return InformationRequestIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def meeting(network):
    index = MeetingIndexPage.objects.get(locale__language_code="en")
    return make_meeting(index, title="Plenary", slug="plenary", opening=days_from_today(40))


def _privacy(page, restriction_paths=None) -> bool:
    request = RequestFactory().get("/admin/")
    if restriction_paths is None:
        read_restricted_roots_once(request)
    else:
        request.all_page_view_restriction_paths = restriction_paths
    return wagtailadmin_tags.test_page_is_public({"request": request}, page)


def test_a_page_is_private_in_the_admin_exactly_when_a_restriction_covers_it(
    requests_index, meeting
):
    every_restriction = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    # Wagtail's question is asked with the outermost restricted pages, fewer than all.
    assert len(restricted_root_paths()) < len(every_restriction)

    for page in Page.objects.all():
        assert _privacy(page) == _privacy(page, every_restriction), page.url_path


def test_the_explorers_filters_offer_wagtails_choices(rf, dmr_user, requests_index):
    request = rf.get("/admin/pages/")
    request.user = dmr_user
    ours = ExplorerFilterSet(data={}, queryset=Page.objects.all(), request=request)
    wagtails = GenericPageFilterSet(data={}, queryset=Page.objects.all(), request=request)

    page_types = ours.form.fields["content_type"]
    wagtails_page_types = wagtails.form.fields["content_type"]
    assert [(str(value), label) for value, label in page_types.choices] == [
        (str(value), label) for value, label in wagtails_page_types.choices
    ]
    assert ours.filters["locale"].extra["choices"] == wagtails.filters["locale"].extra["choices"]


def test_the_explorer_shows_its_rows_locales_without_reading_them(
    client, dmr_user, requests_index, django_assert_max_num_queries
):
    make_request(requests_index, title="Reception of minors")
    sign_in(client, dmr_user)
    url = f"/admin/pages/{requests_index.pk}/"
    client.get(url)

    with django_assert_max_num_queries(40) as queries:
        response = client.get(url)

    assert response.status_code == 200
    locale_queries = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT "wagtailcore_locale".')
    ]
    # Wagtail's own one: the explored page's locale; not the rows' locales, the locale
    # filter's choices or the admin's list of locales (its JavaScript configuration,
    # network_pages/templatetags/admin_config.py).
    assert len(locale_queries) == 1, locale_queries
    assert not [sql for sql in locale_queries if " IN (" in sql]
    assert not [
        q for q in queries.captured_queries if 'FROM "wagtailcore_pageviewrestriction"' in q["sql"]
    ]


def test_the_editors_selects_read_their_choices_once_and_offer_the_same(
    requests_index, dmr_user, django_assert_num_queries
):
    request = make_request(requests_index, title="Reception of minors")
    form_class = InformationRequestPage.get_edit_handler().get_form_class()
    wagtails = form_class(instance=request, for_user=dmr_user, parent_page=requests_index)
    ours = form_class(instance=request, for_user=dmr_user, parent_page=requests_index)
    read_choices_once(ours)
    expected = {name: str(wagtails[name]) for name in ("member_state", "requested_by")}

    with django_assert_num_queries(2):  # the states and the users, once each
        drawn_twice = [
            {name: str(ours[name]) for name in ("member_state", "requested_by")} for _ in range(2)
        ]

    assert drawn_twice == [expected, expected]
    assert ours.fields["member_state"].iterator is not ModelChoiceIterator


def test_opening_the_editor_deletes_the_stale_editing_sessions_only(
    client, requests_index, dmr_user, focal_point
):
    request = make_request(requests_index, title="Reception of minors")
    page_type = Page._meta.get_field("content_type").related_model.objects.get_for_model(Page)

    def session(user, minutes_ago):
        return EditingSession.objects.create(
            user=user,
            content_type=page_type,
            object_id=request.pk,
            last_seen_at=timezone.now() - timedelta(minutes=minutes_ago),
        )

    stale, fresh = session(focal_point, 61), session(focal_point, 5)
    sign_in(client, dmr_user)

    response = client.get(f"/admin/pages/{request.pk}/edit/")

    assert response.status_code == 200
    assert not EditingSession.objects.filter(pk=stale.pk).exists()
    assert EditingSession.objects.filter(pk=fresh.pk).exists()
    assert EditingSession.objects.filter(user=dmr_user, object_id=str(request.pk)).exists()


def test_the_stale_editing_sessions_are_deleted_at_most_once_a_minute(
    client, requests_index, dmr_user, focal_point
):
    request = make_request(requests_index, title="Reception of minors")
    page_type = Page._meta.get_field("content_type").related_model.objects.get_for_model(Page)
    sign_in(client, dmr_user)
    client.get(f"/admin/pages/{request.pk}/edit/")
    stale = EditingSession.objects.create(
        user=focal_point,
        content_type=page_type,
        object_id=request.pk,
        last_seen_at=timezone.now() - timedelta(minutes=61),
    )

    client.get(f"/admin/pages/{request.pk}/edit/")
    kept_within_the_minute = EditingSession.objects.filter(pk=stale.pk).exists()
    cache.delete(SESSIONS_CLEANED)  # a minute later
    client.get(f"/admin/pages/{request.pk}/edit/")

    assert kept_within_the_minute
    assert not EditingSession.objects.filter(pk=stale.pk).exists()


def test_the_dashboards_recent_edits_are_wagtails_rows(
    rf, dmr_user, requests_index, meeting, django_assert_max_num_queries
):
    pages = [make_request(requests_index, title=f"Request {n}") for n in range(6)]
    pages.append(meeting)
    for page in pages:
        PageLogEntry.objects.log_action(page, "wagtail.edit", user=dmr_user)
    PageLogEntry.objects.log_action(pages[0], "wagtail.edit", user=dmr_user)  # twice
    request = rf.get("/admin/")
    request.user = dmr_user
    context = {"request": request, "csrf_token": "x"}

    wagtails = RecentEditsPanel().get_context_data(context)["last_edits"]
    # The pages with their edit dates, their workflow states, the requests' languages.
    with django_assert_max_num_queries(3):
        ours = BatchedRecentEditsPanel().get_context_data(context)["last_edits"]

    assert [(date, page.pk, type(page)) for date, page in ours] == [
        (date, page.pk, type(page)) for date, page in wagtails
    ]
    assert [page.get_admin_display_title() for _date, page in ours] == [
        page.get_admin_display_title() for _date, page in wagtails
    ]
    assert BatchedRecentEditsPanel().render_html(context) == RecentEditsPanel().render_html(context)
