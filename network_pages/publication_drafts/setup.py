"""The pages and workflow of the joint approval (3.3), created idempotently by setup_site.

*Publication drafts* sits under the English network root, restricted by inheritance and
never mirrored into French: its pages get real translations once public. The "Joint
approval" workflow applies to it, so that Wagtail's default moderation does not.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask, get_page_models

from home.models import PublicIndexPage
from network_pages import roles
from network_pages.models import NetworkHomePage
from workflows.gate import acting_as_system
from workflows.models import JointApprovalTask

from .models import PublicationDraftsPage

WORKFLOW_NAME = "Joint approval"
TASK_NAME = "Network and DMR approval"


@transaction.atomic
@acting_as_system("site setup")
def ensure_publication_drafts(network: NetworkHomePage) -> PublicationDraftsPage:
    """The drafts index under the (English) network root."""
    drafts = PublicationDraftsPage.objects.child_of(network).first()
    if drafts is None:
        drafts = network.add_child(
            instance=PublicationDraftsPage(
                title="Publication drafts",
                slug="publication-drafts",
                locale_id=network.locale_id,
                show_in_menus=True,
                intro=(
                    "News items, publications and good practices that the network and the "
                    "DMR may decide, jointly, to make public."
                ),
            )
        )
        drafts.save_revision().publish()
    return PublicationDraftsPage.objects.get(pk=drafts.pk)


def public_indexes() -> list[Page]:
    models = [model for model in get_page_models() if issubclass(model, PublicIndexPage)]
    return [page for model in models for page in model.objects.all()]


@transaction.atomic
def ensure_joint_approval_workflow(drafts_index: Page) -> Workflow:
    """One task, two parties: Network approvers (quorum 1) and the DMR Secretariat (quorum 1,
    with the precaution review). Network approvers get the admin, to approve there."""
    network_approvers = Group.objects.get(name=roles.NETWORK_APPROVERS)
    dmr = Group.objects.get(name=roles.DMR_SECRETARIAT)
    parties = [
        {"group": network_approvers.pk, "quorum": 1, "precaution_review": False},
        {"group": dmr.pk, "quorum": 1, "precaution_review": True},
    ]
    task = JointApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = JointApprovalTask(name=TASK_NAME, parties=parties)
        task.save()
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # 3.3: the drafts, and every public index in every language (edits of public pages and
    # translations go through the same joint approval).
    for page in [drafts_index, *public_indexes()]:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    network_approvers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return workflow
