"""Issue 17: the admin's page explorer and editor (nfp_site/page_viewset.py) read less than
Wagtail's own, and show the same: no filter listing every user, rows whose admin titles
need their page type's fields at the same cost for one row or five, each page's
translations in the editor."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Locale, Page

from network_pages.information.factories import make_request
from network_pages.information.models import InformationRequestIndexPage
from nfp_site.page_editor import PageEditView
from nfp_site.page_explorer import ExplorerIndexView
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests_index(network):
    return InformationRequestIndexPage.objects.get(locale__language_code="en")


def _explore(client, page) -> tuple[int, str]:
    url = f"/admin/pages/{page.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_every_page_type_is_explored_and_edited_through_our_views(network):
    for model in (Page, InformationRequestIndexPage):
        viewset = page_viewset_registry.get_by_type(model)

        assert viewset.index_view_class is ExplorerIndexView
        assert viewset.edit_view_class is PageEditView


def test_the_explorer_has_no_filter_listing_every_user_or_site(client, requests_index, dmr_user):
    sign_in(client, dmr_user)

    _queries, page = _explore(client, requests_index)

    assert 'name="has_child_pages"' in page
    assert 'name="content_type"' in page
    for listing_everyone in ('name="owner"', 'name="edited_by"', 'name="site"'):
        assert listing_everyone not in page


def test_request_rows_say_their_language_at_the_same_cost_for_one_or_five(
    client, requests_index, dmr_user
):
    make_request(requests_index, title="Reception of minors", language="fr")
    sign_in(client, dmr_user)
    one, page = _explore(client, requests_index)
    assert "Reception of minors (in French)" in page
    for number in range(4):
        make_request(requests_index, title=f"Request {number}", language="en")

    five, page = _explore(client, requests_index)

    assert five == one
    assert "Request 3 (in English)" in page


def test_a_search_in_the_explorer_still_names_the_rows_parents(client, network, dmr_user):
    requests_index = InformationRequestIndexPage.objects.get(locale__language_code="en")
    make_request(requests_index, title="Statelessness procedures")
    sign_in(client, dmr_user)

    response = client.get(f"/admin/pages/{network.pk}/?q=Statelessness&search_all=1")

    assert response.status_code == 200
    assert requests_index.title in response.content.decode()


def test_the_editor_links_to_the_pages_translation(client, requests_index, dmr_user):
    request = make_request(requests_index, title="Reception of minors")
    french = request.get_translation(Locale.objects.get(language_code="fr"))
    sign_in(client, dmr_user)

    response = client.get(f"/admin/pages/{request.pk}/edit/")

    assert response.status_code == 200
    assert f"/admin/pages/{french.pk}/edit/" in response.content.decode()


def test_the_editors_translations_are_wagtails(client, requests_index, dmr_user):
    request = make_request(requests_index, title="Reception of minors")
    sign_in(client, dmr_user)

    response = client.get(f"/admin/pages/{request.pk}/edit/")
    view = response.context["view"]

    assert view.get_translations() == EditView.get_translations(view)
    assert [t["locale"].language_code for t in view.get_translations()] == ["fr"]


def test_the_editor_reads_the_headers_facts_and_translations_in_one_query(
    client, requests_index, dmr_user
):
    request = make_request(requests_index, title="Reception of minors")
    sign_in(client, dmr_user)
    client.get(f"/admin/pages/{request.pk}/edit/")

    with CaptureQueriesContext(connection) as queries:
        client.get(f"/admin/pages/{request.pk}/edit/")

    facts = [q["sql"] for q in queries if "_nfp_has_locale_to_translate_to" in q["sql"]]
    assert len(facts) == 1
    assert "_nfp_translations" in facts[0]
