"""Issue 17: the explorer's checkbox, type, status and children cells drawn in Python
(nfp_site/explorer_row_cells.py) are the bytes Wagtail's templates draw, for the DMR and for
a network approver, in English and in French, live pages and drafts, a title with markup in
it; and the explorer stays closed to whoever has no admin."""

import re
from contextlib import ExitStack, contextmanager
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
from nfp_site import explorer_row_cells
from nfp_site.explorer_row_cells import FastDateColumn
from tests.conftest import sign_in
from tests.network_pages.drawn_templates import assert_unchanged

pytestmark = pytest.mark.django_db

# The templates drawn in Python, as they were when the drawing was written (Wagtail 8). A
# change fails here: carry it into the module.
DRAWN_FROM = {
    "wagtailadmin/bulk_actions/listing_checkbox_cell.html": (
        "dc45f452482cb8f122c1079ccf8917e23dc1470c2b531675dca92dc67d18bac7"
    ),
    "wagtailadmin/tables/cell.html": (
        "21f16d57ba0da4771f34099f4455a58893490946f439bd7b8b6cd5e6aaa29a59"
    ),
    "wagtailadmin/pages/listing/_page_status_cell.html": (
        "99986ad1a584c3caef080691afa66f4cd3365a36d4ae1a5ad757c00b9eaa2a26"
    ),
    "wagtailadmin/shared/page_status_tag.html": (
        "9d4a2f8bd5792d3aafd5b41bd11e27a2dd0355c85f8e9a915f434647350c10b9"
    ),
    "wagtailadmin/shared/status_tag.html": (
        "e64eb0089cad7280d639e2ad598386d3cf05b4ea965fb1a44f6a03a06f153654"
    ),
    "wagtailadmin/pages/listing/_navigation_explore.html": (
        "37e240ea9cc8d5c4b52b139f54085f0b22dd4d221a27b86a1d6aee976efbf958"
    ),
    "wagtailadmin/tables/date_cell.html": (
        "130a0826598ffe17b51ff0d8d898eef006dcf921bd74b5eeec3ffef897f12641"
    ),
    "wagtailadmin/shared/human_readable_date.html": (
        "924b86164bc546c2482e759e26e6939c656e1f02b3e2631b1fa47ca0bcb798d6"
    ),
}
TBODY = re.compile(r"<tbody>.*?</tbody>", re.S)
# The date cells say when a page was edited ("Just now", "1 minute ago"), which may change
# between two drawings of the same listing: compared apart, each cell drawn both ways at once
# (`test_the_date_cells_are_the_bytes_wagtails_templates_draw`).
DATE_CELL = re.compile(
    r'<td [^>]*>\s*<button type="button" class="w-human-readable-date".*?</td>', re.S
)


@pytest.fixture
def admin_approver(approver):
    approver.groups.get(name=roles.NETWORK_APPROVERS).permissions.add(
        Permission.objects.get(codename="access_admin")
    )
    return approver


@pytest.fixture
def explored(network):
    """The root, the network area, the requests (a French one, a draft, markup in a title)
    and the meetings, and the publication drafts."""
    requests_index = InformationRequestIndexPage.objects.get(locale__language_code="en")
    make_request(requests_index, title="Reception of minors <b>&\"'", language="fr")
    make_request(requests_index, title="Statelessness", language="en")
    make_request(requests_index, title="A draft <script>", language="en", live=False)
    meetings = MeetingIndexPage.objects.get(locale__language_code="en")
    make_meeting(meetings, title="Plenary", opening=days_from_today(40))
    drafts = list(PublicationDraftsPage.objects.filter(locale__language_code="en"))
    return [Page.get_first_root_node(), network, requests_index, meetings, *drafts]


FAST_KINDS = tuple(explorer_row_cells.FAST_COLUMNS.values())


@contextmanager
def drawing(functions: dict):
    """Each kind of cell drawn by its function in `functions` (None: by the template)."""
    with ExitStack() as stack:
        for kind, function in functions.items():
            stack.enter_context(patch.object(kind, "fast_cell_html", function))
        yield


def rows(client, page: Page) -> str | None:
    """The listing's rows but their dates; None when the user may not explore the page."""
    response = client.get(f"/admin/pages/{page.pk}/")
    if response.status_code == 302:
        return None
    assert response.status_code == 200
    return DATE_CELL.sub("", TBODY.search(response.content.decode()).group(0))


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("who", ["dmr_user", "admin_approver"])
def test_the_row_cells_are_the_bytes_wagtails_templates_draw(
    client, explored, request, who, language
):
    sign_in(client, request.getfixturevalue(who))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    drawn = []

    def counted(fast):
        def draw(self, page, context):
            html = fast(self, page, context)
            drawn.append(html is not None)
            return html

        return draw

    for page in explored:
        with drawing({kind: lambda *args: None for kind in FAST_KINDS}):
            expected = rows(client, page)
        with drawing({kind: counted(kind.fast_cell_html) for kind in FAST_KINDS}):
            ours = rows(client, page)

        assert ours == expected, page.title
    assert drawn.count(True) > 0 or who == "admin_approver"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_date_cells_are_the_bytes_wagtails_templates_draw(client, explored, dmr_user, language):
    sign_in(client, dmr_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    pairs = []
    ours = FastDateColumn.fast_cell_html

    def both(self, page, context):
        html = ours(self, page, context)
        pairs.append((html, self.cell_template.render(self.get_cell_context_data(page, context))))
        return html

    with patch.object(FastDateColumn, "fast_cell_html", both):
        for page in explored:
            rows(client, page)

    assert pairs
    for drawn, expected in pairs:
        assert drawn == expected


def test_a_draft_and_a_live_request_show_their_status(client, explored, dmr_user):
    sign_in(client, dmr_user)

    listing = rows(client, explored[2])

    assert '<span class="w-sr-only">Current page status:</span> live' in listing
    assert '<span class="w-sr-only">Current page status:</span>\n        draft' in listing
    assert "A draft &lt;script&gt;" in listing


def test_every_template_drawn_in_python_is_recorded():
    assert set(DRAWN_FROM) == set(explorer_row_cells.TEMPLATES)


@pytest.mark.parametrize("template", sorted(DRAWN_FROM))
def test_a_template_drawn_in_python_is_the_one_it_was_written_from(template):
    assert_unchanged(template, DRAWN_FROM[template], "nfp_site/explorer_row_cells.py")


@pytest.mark.parametrize("kind", ["anonymous", "password-only", "Focal Point"])
def test_the_explorer_stays_closed_to_visitors_without_the_admin(
    client, explored, focal_point, kind
):
    if kind != "anonymous":
        sign_in(client, focal_point, verified=kind == "Focal Point")

    response = client.get(f"/admin/pages/{explored[2].pk}/")

    assert response.status_code in (302, 403)
    assert "Statelessness" not in response.content.decode()
