"""Publication drafts and the Joint approval workflow, as setup_site creates them."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from home.models import GoodPracticePage, NewsItemPage, PublicationPage
from network_pages import roles
from network_pages.publication_drafts.models import PublicationDraftsPage
from network_pages.publication_drafts.setup import (
    ensure_joint_approval_workflow,
    ensure_publication_drafts,
)
from tests.conftest import sign_in
from tests.workflows.conftest import DRAFT_MARKER, create_draft
from workflows.models import JointApprovalTask

pytestmark = pytest.mark.django_db


def test_drafts_sit_under_the_english_network_root_restricted_and_not_mirrored(drafts, network):
    assert drafts.get_parent().pk == network.pk
    assert drafts.get_view_restrictions()  # inherited from the network root
    assert not PublicationDraftsPage.objects.exclude(pk=drafts.pk).exists()
    assert not Page.objects.filter(alias_of=drafts).exists()


def test_the_joint_approval_applies_to_drafts_and_the_network_area_has_no_moderation(drafts):
    workflow = drafts.get_workflow()

    assert workflow.name == "Joint approval"
    task = workflow.tasks.get().specific
    assert isinstance(task, JointApprovalTask)
    parties = {Group.objects.get(pk=p.group_id).name: p for p in task.get_parties()}
    assert set(parties) == {roles.NETWORK_APPROVERS, roles.DMR_SECRETARIAT}
    assert parties[roles.NETWORK_APPROVERS].quorum == 1
    assert parties[roles.DMR_SECRETARIAT].quorum == 1
    assert parties[roles.DMR_SECRETARIAT].precaution_review
    # Wagtail's default "Moderators approval" left the Root page (nobody could approve it).
    assert drafts.get_parent().get_workflow() is None


def test_setup_is_idempotent(drafts, network):
    counts = (Page.objects.count(), Workflow.objects.count(), JointApprovalTask.objects.count())

    ensure_joint_approval_workflow(ensure_publication_drafts(network))

    assert (
        Page.objects.count(),
        Workflow.objects.count(),
        JointApprovalTask.objects.count(),
    ) == counts


def test_only_public_page_types_are_drafted_there(drafts):
    assert set(PublicationDraftsPage.allowed_subpage_models()) == {
        NewsItemPage,
        PublicationPage,
        GoodPracticePage,
    }
    assert PublicationPage.can_exist_under(drafts)
    assert not PublicationPage.can_exist_under(drafts.get_parent())


def test_network_approvers_may_use_the_admin_to_approve(drafts, approver):
    assert approver.has_perm("wagtailadmin.access_admin")


@pytest.mark.parametrize(
    ("kind", "status"),
    [("anonymous", 302), ("password-only", 302), ("verified non-member", 403), ("guest", 403)],
)
def test_the_list_of_drafts_is_refused_to_non_members(
    client, drafts, dmr_editor, focal_point, outsider, guest, kind, status
):
    create_draft(drafts, dmr_editor, title=f"Draft {DRAFT_MARKER}")
    if kind != "anonymous":
        user = {"password-only": focal_point, "verified non-member": outsider, "guest": guest}
        sign_in(client, user[kind], verified=kind != "password-only")

    response = client.get("/en/network/publication-drafts/")

    assert response.status_code == status
    assert DRAFT_MARKER not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_members_read_the_list_of_drafts_within_a_query_budget(
    client, drafts, dmr_editor, focal_point, django_assert_max_num_queries
):
    create_draft(drafts, dmr_editor, title=f"Draft {DRAFT_MARKER}")
    sign_in(client, focal_point).get("/en/network/publication-drafts/")

    with django_assert_max_num_queries(21):
        response = client.get("/en/network/publication-drafts/")
    for number in range(3):
        create_draft(drafts, dmr_editor, title=f"Another draft {number}")
    with django_assert_max_num_queries(21):
        client.get("/en/network/publication-drafts/")

    assert response.status_code == 200
    assert DRAFT_MARKER in response.content.decode()
    assert "Draft" in response.content.decode()
