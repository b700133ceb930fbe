"""Joint approvals and translations on "what needs doing" (3.3).

The DMR and the Network approvers: the joint approvals in progress, each linked to its
review. The DMR: public pages whose translation into the other official language is not
live yet.
"""

from django.db.models import F, IntegerField, Value
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.models import TaskState

from network_pages import access, roles
from network_pages.community.worklists import WorkItem, WorkList, first_and_total_of_each, first_of
from workflows.models import JointApprovalTaskState
from workflows.translation import releases_waiting_for_translation


def _joint_approvals():
    return JointApprovalTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).order_by(
        "started_at", "pk"
    )


# The columns of both lists, read together (`_publication_lists`).
_COLUMNS = ("nfp_part", "nfp_total", "nfp_pk", "nfp_title", "nfp_when", "nfp_page")
_APPROVALS, _TRANSLATIONS = 0, 1


def _approvals():
    return (
        first_of(_APPROVALS, _joint_approvals())
        .annotate(
            nfp_pk=F("pk"),
            nfp_title=F("revision__object_str"),
            nfp_when=F("started_at"),
            nfp_page=Value(None, output_field=IntegerField()),
        )
        .values_list(*_COLUMNS)
    )


def _publication_lists():
    translations = (
        first_of(_TRANSLATIONS, releases_waiting_for_translation())
        .annotate(
            nfp_pk=F("pk"),
            nfp_title=F("page__title"),
            nfp_when=F("released_at"),
            nfp_page=F("page_id"),
        )
        .values_list(*_COLUMNS)
    )
    return _approvals().union(translations, all=True)


def _rows(rows: list[tuple]) -> list[dict]:
    return [dict(zip(_COLUMNS, row, strict=True)) for row in rows]


def joint_approvals(rows: list[tuple], total: int | None) -> WorkList:
    states = sorted(_rows(rows), key=lambda state: (state["nfp_when"], state["nfp_pk"]))
    items = [
        WorkItem(
            # A task state without a revision has no title (its revision's object_str).
            title=state["nfp_title"] if state["nfp_title"] is not None else gettext("(untitled)"),
            url=reverse("workflows:review", args=[state["nfp_pk"]]),
            detail=gettext("Submitted on %(day)s")
            % {"day": date_format(state["nfp_when"], "DATE_FORMAT")},
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


def translations_waiting(rows: list[tuple], total: int | None) -> WorkList:
    # The first ones and how many in all (the list said 9 when more were waiting).
    releases = sorted(
        _rows(rows), key=lambda release: (release["nfp_when"], release["nfp_pk"]), reverse=True
    )
    items = [
        WorkItem(
            title=release["nfp_title"],
            url=reverse("wagtailadmin_pages:edit", args=[release["nfp_page"]]),
            detail=gettext("Made public on %(day)s")
            % {"day": date_format(release["nfp_when"], "DATE_FORMAT")},
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
    approves = roles.NETWORK_APPROVERS in access.group_names_of(user)
    if access.is_dmr(user):
        # Both lists in one query (`first_and_total_of_each`).
        (approvals, approvals_total), (translations, translations_total) = first_and_total_of_each(
            "publication.secretariat", _publication_lists, columns=_COLUMNS, parts=2
        )
        return [
            joint_approvals(approvals, approvals_total),
            translations_waiting(translations, translations_total),
        ]
    if approves:
        [(approvals, total)] = first_and_total_of_each(
            "publication.approvals", _approvals, columns=_COLUMNS, parts=1
        )
        return [joint_approvals(approvals, total)]
    return []
