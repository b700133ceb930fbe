"""Issue 13, 3: the admin's side doors list only what the user may read.

Network approvers have the admin (to review joint approvals) but read what any Focal
Point reads. Wagtail's admin API, its page, document and image choosers (with their
searches) and the explorer must not name, to them or to anyone, a members-only workspace
page, another state's item waiting for review, a draft response's document or a document
attached to nothing. The DMR reads all of it (proof that the lists are not just empty).
"""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Page

from network_pages import roles
from network_pages.community.factories import make_thematic_group, make_update
from network_pages.community.site_setup import ensure_community_pages
from network_pages.information.factories import (
    ensure_information_indexes,
    make_item,
    make_request,
    make_response,
)
from network_pages.information.models import Response, ResponseAttachment
from network_pages.models import MemberState
from network_pages.network_area import ensure_network_collection
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

WORKSPACE = "QZADMworkspacetitle"
PENDING = "QZADMpendingitemtitle"
DRAFT_DOCUMENT = "QZADMdraftannextitle"
ORPHAN = "QZADMorphandocumenttitle"
FORBIDDEN = (WORKSPACE, PENDING, DRAFT_DOCUMENT, ORPHAN)

LISTINGS = (
    "/admin/api/main/pages/?limit=100",
    "/admin/api/main/pages/?search={q}",
    "/admin/api/main/documents/?limit=100",
    "/admin/api/main/documents/?search={q}",
    "/admin/api/main/images/",
    "/admin/choose-page/",
    "/admin/choose-page/search/?q={q}",
    "/admin/documents/chooser/",
    "/admin/documents/chooser/results/?q={q}",
    "/admin/images/chooser/",
    "/admin/pages/search/?q={q}",
)
# Confirmation screens of bulk actions, asked for every page (and every child of the root).
BULK_ACTIONS = ("delete", "move", "publish", "unpublish")


def document(title: str):
    doc = get_document_model()(title=title, collection=ensure_network_collection())
    doc.file.save(f"{title}.txt", ContentFile(b"text"), save=False)
    doc.save()
    return doc


@pytest.fixture
def side_doors(network, focal_point, other_focal_point):
    germany = MemberState.objects.get(code="DE")
    community = ensure_community_pages(network)
    private = make_thematic_group(
        community["thematic_groups"], "Private group", theme="Digital tools", members_only=True
    )
    make_update(private, f"Minutes {WORKSPACE}")
    request_index, item_index = ensure_information_indexes(network)
    make_item(item_index, title=f"Pending {PENDING}", member_state=germany, live=False)
    request = make_request(request_index, title="Reception", questions=("What?",))
    draft = make_response(request, "DE", status=Response.Status.DRAFT)
    ResponseAttachment.objects.create(response=draft, document=document(DRAFT_DOCUMENT))
    document(ORPHAN)


@pytest.fixture
def admin_approver(approver):
    # Network approvers get the admin with the joint approval workflow (publication drafts).
    approver.groups.get(name=roles.NETWORK_APPROVERS).permissions.add(
        Permission.objects.get(codename="access_admin")
    )
    return approver


def leaks(client: Client, markers) -> list[str]:
    ids = "&".join(
        f"id={pk}" for pk in Page.objects.filter(depth__gt=1).values_list("pk", flat=True)
    )
    found = []
    for action in BULK_ACTIONS:
        for query in (ids, f"id=all&childOf={Page.objects.get(depth=1).pk}&q=QZADM"):
            url = f"/admin/bulk/wagtailcore/page/{action}/?{query}"
            body = client.get(url).content.decode(errors="replace")
            found += [f"bulk {action} ({query[:20]}...) names {m}" for m in markers if m in body]
    for listing in LISTINGS:
        for marker in markers:
            url = listing.format(q=marker[:10])
            response = client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
            body = response.content.decode(errors="replace")
            found += [f"{url}: {response.status_code} names {m}" for m in markers if m in body]
    return sorted(set(found))


def test_a_network_approver_finds_nothing_they_may_not_read_in_the_admin(
    client, side_doors, admin_approver
):
    assert leaks(sign_in(client, admin_approver), FORBIDDEN) == []


def test_the_dmr_finds_all_of_it(client, side_doors, dmr_user):
    found = " ".join(leaks(sign_in(client, dmr_user), FORBIDDEN))

    assert all(marker in found for marker in FORBIDDEN), found


@pytest.mark.parametrize("kind", ["anonymous", "password-only", "Focal Point"])
def test_visitors_without_the_admin_find_nothing(client, side_doors, focal_point, kind):
    if kind != "anonymous":
        sign_in(client, focal_point, verified=kind == "Focal Point")

    assert leaks(client, FORBIDDEN) == []
