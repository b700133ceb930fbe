"""Issue 17: the DMR's work lists read two at a time (one UNION each: failed emails with
invitations, submissions to review with response rates, joint approvals with translations)
are the lists one query each gave: the same items in the same order, the same totals.

Below the first line of tests, the lists as they were read before (one query each), kept
as the reference."""

import datetime

import pytest
from django.db.models import Func, IntegerField, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, override
from wagtail.models import Page, TaskState

from home.models import NewsIndexPage, NewsItemPage
from network_pages.admin.viewsets import PROFILES
from network_pages.community.activity import ReaderUrls
from network_pages.community.worklists import (
    ITEMS_SHOWN,
    WorkItem,
    WorkList,
    prepared_first_and_total,
    work_lists_for,
)
from network_pages.factories import make_member
from network_pages.information import rules
from network_pages.information.factories import make_item, make_request
from network_pages.information.models import InformationRequestPage
from network_pages.information.models.response import Response
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.models import Invitation, MemberState
from network_pages.publication_drafts.setup import (
    ensure_joint_approval_workflow,
    ensure_publication_drafts,
)
from nfp_site.operations.models import OutboundEmail
from nfp_site.prepared_sql import prepared_objects
from tests.home.conftest import publish_under
from tests.workflows.conftest import create_draft
from workflows.models import JointApprovalTaskState, PublicRelease
from workflows.translation import releases_waiting_for_translation

pytestmark = pytest.mark.django_db

# The lists the unions read, by key.
PAIRED = (
    "failed-emails",
    "pending-invitations",
    "submissions-to-review",
    "open-requests",
    "joint-approvals",
    "translations-waiting",
)


def shown(work_list: WorkList) -> tuple:
    return (
        work_list.key,
        work_list.title,
        [
            (item.title, str(item.url), item.detail, item.status, item.due, item.needs_action)
            for item in work_list.items
        ],
        work_list.total,
        work_list.empty,
        work_list.more_url,
        work_list.order,
    )


def one_query_each() -> dict[str, tuple]:
    urls = ReaderUrls()
    lists = [
        failed_emails(),
        pending_invitations(),
        submissions_to_review(),
        response_rates(urls),
        joint_approvals(),
        translations_waiting(),
    ]
    return {work_list.key: shown(work_list) for work_list in lists}


@pytest.fixture
def busy_secretariat(network, homes, dmr_user):
    """More of everything than a list shows, in an order the database does not keep."""
    now = timezone.now()
    for number in (3, 9, 1, 7, 0, 5, 2, 8, 6, 4):
        email = OutboundEmail.objects.create(
            subject=f"Email {number}",
            recipients="a@example.org",
            message={},
            status=OutboundEmail.Status.FAILED,
        )
        OutboundEmail.objects.filter(pk=email.pk).update(
            created_at=now - datetime.timedelta(hours=number)
        )
    for number in range(ITEMS_SHOWN + 2):
        person = make_member(f"invited{number}", first_name="Ana" if number % 2 else "")
        for days_ago in (number + 1, number + 20):  # two invitations each: the latest counts
            Invitation.objects.create(
                user=person,
                token_digest=f"{number}-{days_ago}",
                created_at=now - datetime.timedelta(days=days_ago),
                expires_at=now + datetime.timedelta(days=7 - days_ago),
            )
    requests, items = ensure_information_indexes(network)
    author = make_member("author_fp")
    for number in range(ITEMS_SHOWN + 1):
        make_request(
            requests,
            title=f"Open {number}",
            deadline=timezone.localdate() + datetime.timedelta(days=30 - number),
        )
        item = make_item(
            items,
            title=f"Submitted {number}",
            submitted_by=author,
            member_state=MemberState.objects.get(code="FR"),
        )
        Page.objects.filter(pk=item.pk).update(live=False, last_published_at=None)
    drafts = ensure_publication_drafts(network)
    ensure_joint_approval_workflow(drafts)
    for number in range(3):
        page = create_draft(drafts, author, title=f"Draft {number}")
        drafts.get_workflow().start(page, author)
    news = NewsIndexPage.objects.filter(locale__language_code="en").first()
    for number in range(ITEMS_SHOWN + 1):
        page = publish_under(news, NewsItemPage(title=f"News {number}", intro="x"))
        PublicRelease.objects.create(
            page=page, title=page.title, released_at=now - datetime.timedelta(days=number % 4)
        )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_dmrs_lists_read_two_at_a_time_are_those_read_one_query_each(
    busy_secretariat, dmr_user, language
):
    with override(language):
        expected = one_query_each()
        lists = {work_list.key: shown(work_list) for work_list in work_lists_for(dmr_user)}

    for key in PAIRED:
        assert lists[key] == expected[key], key
    assert expected["failed-emails"][3] == ITEMS_SHOWN + 2  # more than shown, counted
    assert len(expected["pending-invitations"][2]) == ITEMS_SHOWN
    assert len(expected["joint-approvals"][2]) == 3
    assert expected["translations-waiting"][3] == ITEMS_SHOWN + 1


def test_the_dmrs_empty_lists_read_two_at_a_time_are_those_read_one_query_each(network, dmr_user):
    expected = one_query_each()
    lists = {work_list.key: shown(work_list) for work_list in work_lists_for(dmr_user)}

    for key in PAIRED:
        assert lists[key] == expected[key], key


# --- the reference: the lists as read before, one query each ---------------------------


def _deadline(day) -> str:
    return gettext("Deadline: %(day)s") % {"day": date_format(day, "DATE_FORMAT")}


def _open_requests(today):
    return InformationRequestPage.objects.live().filter(
        alias_of__isnull=True,
        status=InformationRequestPage.Status.OPEN,
        deadline__gte=today,
    )


def _waiting_invitations():
    return (
        Invitation.objects.filter(used_at=None)
        .exclude(user__invitations__used_at__isnull=False)
        .select_related("user__member_profile")
        .order_by("-created_at", "-pk")[: ITEMS_SHOWN * 3]
    )


def pending_invitations() -> WorkList:
    """People invited who have not set their password yet (the latest invitation each)."""
    latest: dict[int, Invitation] = {}
    for invitation in prepared_objects("admin.pending_invitations", _waiting_invitations):
        latest.setdefault(invitation.user_id, invitation)
    now = timezone.now()
    items = []
    for invitation in list(latest.values())[:ITEMS_SHOWN]:
        user = invitation.user
        profile = getattr(user, "member_profile", None)
        expired = invitation.expires_at <= now
        items.append(
            WorkItem(
                title=user.get_full_name() or user.get_username(),
                url=reverse(f"{PROFILES}:edit", args=[profile.pk]) if profile else "",
                detail=gettext("Invited on %(day)s")
                % {"day": date_format(invitation.created_at, "DATE_FORMAT")},
                status=gettext("Invitation expired: send it again")
                if expired
                else gettext("Not accepted yet"),
                needs_action=expired,
            )
        )
    return WorkList(
        key="pending-invitations",
        title=gettext("Invitations not accepted yet"),
        items=items,
        empty=gettext("Every invitation has been accepted."),
        more_url=reverse(f"{PROFILES}:index"),
        more_label=gettext("Members"),
        order=80,
        on_admin_dashboard=True,
    )


def _failed_emails():
    return OutboundEmail.objects.filter(status=OutboundEmail.Status.FAILED).order_by(
        "-created_at", "-pk"
    )


def failed_emails() -> WorkList:
    emails, total = prepared_first_and_total("failed_emails", _failed_emails)
    items = [
        WorkItem(
            title=email.subject,
            url=reverse("outgoing_emails:send_again", args=[email.pk]),
            detail=gettext("Queued on %(day)s")
            % {"day": date_format(email.created_at, "DATE_FORMAT")},
            status=gettext("Failed: send it again"),
        )
        for email in emails
    ]
    return WorkList(
        key="failed-emails",
        title=gettext("Emails that could not be sent"),
        items=items,
        total=total,
        empty=gettext("No email has failed."),
        more_url=reverse("outgoing_emails:index") + "?status=failed",
        more_label=gettext("Outgoing emails"),
        order=25,
        on_admin_dashboard=True,
    )


def _submissions_to_review():
    # Both kinds in one query (the type's name comes from the content type).
    return (
        Page.objects.filter(alias_of__isnull=True, live=False, last_published_at__isnull=True)
        .filter(
            Q(informationitempage__submitted_by__isnull=False)
            | Q(informationrequestpage__requested_by__isnull=False)
        )
        .order_by("pk")
    )


def submissions_to_review() -> WorkList:
    """Items and requests a Focal Point submitted, never published yet (4.5, 4.7)."""
    pages, total = prepared_first_and_total("submissions_to_review", _submissions_to_review)
    items = [
        WorkItem(
            title=page.title,
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            detail=page.specific_class._meta.verbose_name.capitalize(),
            status=gettext("Waiting for review"),
        )
        for page in pages
    ]
    return WorkList(
        key="submissions-to-review",
        title=gettext("Submissions from Focal Points to review"),
        items=items,
        total=total,
        empty=gettext("No submission is waiting for review."),
        order=20,
        on_admin_dashboard=True,
    )


def _count(queryset) -> Subquery:
    """COUNT(*) of `queryset` as a subquery of the outer query."""
    return Subquery(
        queryset.annotate(n=Func("pk", function="COUNT")).values("n"),
        output_field=IntegerField(),
    )


def _with_response_rates(today: datetime.date):
    submitted = Response.objects.filter(
        request_id=OuterRef("pk"), status=Response.Status.SUBMITTED
    ).order_by()
    return (
        _open_requests(today)
        .annotate(
            # Counted per request shown (a subquery), not by joining every response.
            submitted=_count(submitted),
            # How many states in all, in the same query.
            states=_count(MemberState.objects.order_by()),
        )
        .order_by("deadline", "pk")
    )


def response_rates(urls: ReaderUrls) -> WorkList:
    """The open requests, each with how many states have submitted a response."""
    requests, total = prepared_first_and_total(
        "response_rates", _with_response_rates, rules.today()
    )
    links = urls.map(requests)
    items = [
        WorkItem(
            title=page.title,
            url=links.get(page.pk, ""),
            detail=_deadline(page.deadline),
            status=ngettext(
                "%(count)d of %(states)d state answered",
                "%(count)d of %(states)d states answered",
                page.submitted,
            )
            % {"count": page.submitted, "states": page.states},
            due=page.deadline,
            needs_action=False,
        )
        for page in requests
    ]
    return WorkList(
        key="open-requests",
        title=gettext("Open requests and their response rates"),
        items=items,
        total=total,
        empty=gettext("No request is open."),
        order=60,
        on_admin_dashboard=True,
    )


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
