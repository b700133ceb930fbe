"""Joint approvals and translations on "what needs doing" (3.3).

The DMR and the Network approvers: the joint approvals in progress, each linked to its
review. The DMR: public pages whose translation into the other official language is not
live yet.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.models import TaskState

from network_pages import access, roles
from network_pages.community.worklists import WorkItem, WorkList, prepared_first_and_total
from workflows.models import JointApprovalTaskState
from workflows.translation import releases_waiting_for_translation


def _joint_approvals():
    return (
        JointApprovalTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("revision")
        .order_by("started_at", "pk")
    )


def joint_approvals() -> WorkList:
    states, total = prepared_first_and_total("joint_approvals", _joint_approvals)
    items = [
        WorkItem(
            title=state.revision.object_str if state.revision else gettext("(untitled)"),
            url=reverse("workflows:review", args=[state.pk]),
            detail=gettext("Submitted on %(day)s")
            % {"day": date_format(state.started_at, "DATE_FORMAT")},
            status=gettext("Waiting for the joint approval"),
        )
        for state in states
    ]
    return WorkList(
        key="joint-approvals",
        title=gettext("Joint approvals in progress"),
        items=items,
        total=total,
        empty=gettext("No joint approval is in progress."),
        order=15,
        on_admin_dashboard=True,
    )


def translations_waiting() -> WorkList:
    # The first ones and how many in all (the list said 9 when more were waiting).
    releases, total = prepared_first_and_total(
        "translations_waiting", releases_waiting_for_translation
    )
    items = [
        WorkItem(
            title=release.page.title,
            url=reverse("wagtailadmin_pages:edit", args=[release.page_id]),
            detail=gettext("Made public on %(day)s")
            % {"day": date_format(release.released_at, "DATE_FORMAT")},
            status=gettext("Translation not published yet"),
        )
        for release in releases
    ]
    return WorkList(
        key="translations-waiting",
        title=gettext("Public pages waiting for translation"),
        items=items,
        total=total,
        empty=gettext("Every public page is published in both languages."),
        more_url=reverse("workflows:waiting_for_translation"),
        more_label=gettext("All pages waiting for translation"),
        order=70,
        on_admin_dashboard=True,
    )


def publication_work_lists(user, request=None) -> list[WorkList]:
    lists = []
    if access.is_dmr(user) or roles.NETWORK_APPROVERS in access.group_names_of(user):
        lists.append(joint_approvals())
    if access.is_dmr(user):
        lists.append(translations_waiting())
    return lists
