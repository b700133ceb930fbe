"""Issue 17: the explorer's title cells drawn in Python (nfp_site/explorer_cells.py) are the
bytes Wagtail's templates draw, for the DMR and for a network approver (who has the admin
but fewer pages and buttons), in English and in French; the rows' buttons are the ones
Wagtail's listing hooks offer; and the explorer stays closed to whoever has no admin."""

import re
from unittest.mock import patch

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from wagtail.models import Page

from network_pages import roles
from network_pages.information.factories import make_request
from network_pages.information.models import InformationRequestIndexPage
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingIndexPage
from network_pages.publication_drafts.models import PublicationDraftsPage
from nfp_site import explorer_cells
from nfp_site.explorer_cells import ExplorerTitleColumn
from tests.conftest import sign_in
from tests.network_pages.drawn_templates import assert_unchanged

pytestmark = pytest.mark.django_db

# The templates drawn in Python, as they were when the drawing was written (Wagtail 8.0.1;
# the title's is this project's override). A change fails here: carry it into the module.
DRAWN_FROM = {
    "wagtailadmin/pages/listing/_page_title_cell.html": (
        "53c35850fc524f3d981562a9a23181ed0df8165d88f9c55f5441be6d11eb6a55"
    ),
    "wagtailadmin/pages/listing/_page_title_explore.html": (
        "e523d5eeb18f7fdb6ca2f6c89aab63cc3f9ccc6eb7095760030635ba3bf48627"
    ),
    "wagtailadmin/pages/listing/_privacy_indicator.html": (
        "3efa900a7e7d650f663972e50604edaa65a1c4d0abf8584e5039f6b4a7468959"
    ),
    "wagtailadmin/pages/listing/_locked_indicator.html": (
        "c42abe1cd33cab8bf37d2f7de231f9479a78c2946ce8976e4ec57a232dfaf0a5"
    ),
    "wagtailadmin/pages/listing/_button_with_dropdown.html": (
        "32a76dca474ad46933f3e7207403f2290b6225e20f959186dd6db5550d3c443b"
    ),
    "wagtailadmin/shared/button_with_dropdown.html": (
        "739656b4168e05b07df8e28c525e10e5062db3c0fb7eeee76007f4d62ee773a9"
    ),
    "wagtailadmin/shared/dropdown/dropdown.html": (
        "2deadf3e4953572e70716021c1e83e21cca735afea0902f96cf17d2a3e158a5e"
    ),
    "wagtailadmin/shared/buttons.html": (
        "a82f9f261bcd364fb0e587f6080e81945c539b95a28e955866984542df9a980c"
    ),
    "wagtailadmin/shared/button.html": (
        "d9942f4b4dbb01da2b62d6288eb30297cebff060e81593af07993033a3ac480c"
    ),
    "wagtailadmin/shared/icon.html": (
        "df704baa86db8cc5962c8df018fe5bf114e27f286be191a47575a0505f19be2e"
    ),
}
TBODY = re.compile(r"<tbody>.*?</tbody>", re.S)
# The title cells only: the other cells say when a page was edited ("Just now", "1 minute
# ago"), which may change between two drawings of the same listing.
TITLE_CELL = re.compile(r"<td [^>]*data-listing-page-title>.*?</td>", re.S)


@pytest.fixture
def admin_approver(approver):
    # Network approvers get the admin with the joint approval workflow (publication drafts).
    approver.groups.get(name=roles.NETWORK_APPROVERS).permissions.add(
        Permission.objects.get(codename="access_admin")
    )
    return approver


@pytest.fixture
def explored(network):
    """The pages whose children are listed: the root (its site roots are drawn by Wagtail),
    the network area, the requests (with a French one) and the meetings."""
    requests_index = InformationRequestIndexPage.objects.get(locale__language_code="en")
    make_request(requests_index, title="Reception of minors <b>&", language="fr")
    make_request(requests_index, title="Statelessness", language="en")
    meetings = MeetingIndexPage.objects.get(locale__language_code="en")
    make_meeting(meetings, title="Plenary", opening=days_from_today(40))
    # A network approver explores the publication drafts (what they review) only.
    drafts = list(PublicationDraftsPage.objects.filter(locale__language_code="en"))
    return [Page.get_first_root_node(), network, requests_index, meetings, *drafts]


def rows(client, page: Page) -> str | None:
    """The listing's rows; None when the user may not explore the page (sent elsewhere)."""
    response = client.get(f"/admin/pages/{page.pk}/")
    if response.status_code == 302:
        return None
    assert response.status_code == 200
    return TBODY.search(response.content.decode()).group(0)


def title_cells(client, page: Page) -> list[str] | None:
    listing = rows(client, page)
    return None if listing is None else TITLE_CELL.findall(listing)


def drawn_by_wagtail(client, page: Page) -> list[str] | None:
    with patch.object(ExplorerTitleColumn, "fast_cell_html", return_value=None):
        return title_cells(client, page)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("who", ["dmr_user", "admin_approver"])
def test_the_title_cells_are_the_bytes_wagtails_templates_draw(
    client, explored, request, who, language
):
    sign_in(client, request.getfixturevalue(who))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    drawn = []
    fast = ExplorerTitleColumn.fast_cell_html

    def counted(self, page, context):
        html = fast(self, page, context)
        drawn.append(html is not None)
        return html

    for page in explored:
        expected = drawn_by_wagtail(client, page)
        with patch.object(ExplorerTitleColumn, "fast_cell_html", counted):
            ours = title_cells(client, page)

        assert ours == expected, page.title
    # The DMR's cells took the Python drawing (but the root's site roots, drawn by Wagtail);
    # a network approver explores only what they review.
    assert drawn.count(True) > 0 or who == "admin_approver"


def test_a_request_row_offers_wagtails_buttons_and_ours(client, explored, dmr_user):
    sign_in(client, dmr_user)

    listing = rows(client, explored[2])

    for label in ("Edit", "Move", "Copy", "Delete", "History", "Responses and reminders"):
        assert f"\n    {label}\n\n    </a>" in listing


def test_a_network_approver_is_offered_fewer_buttons_than_the_dmr(
    client, explored, dmr_user, admin_approver
):
    requests_index = explored[2]
    dmr_rows = rows(sign_in(client, dmr_user), requests_index)
    client.logout()
    approver_rows = rows(sign_in(client, admin_approver), requests_index) or ""

    assert approver_rows.count("</a>") < dmr_rows.count("</a>")


def test_every_template_drawn_in_python_is_recorded():
    assert set(DRAWN_FROM) == set(explorer_cells.TEMPLATES)


@pytest.mark.parametrize("template", sorted(DRAWN_FROM))
def test_a_template_drawn_in_python_is_the_one_it_was_written_from(template):
    assert_unchanged(template, DRAWN_FROM[template], "nfp_site/explorer_cells.py")


@pytest.mark.parametrize("kind", ["anonymous", "password-only", "Focal Point"])
def test_the_explorer_stays_closed_to_visitors_without_the_admin(
    client, explored, focal_point, kind
):
    if kind != "anonymous":
        sign_in(client, focal_point, verified=kind == "Focal Point")

    response = client.get(f"/admin/pages/{explored[2].pk}/")

    assert response.status_code in (302, 403)
    assert "Statelessness" not in response.content.decode()
