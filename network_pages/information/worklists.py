"""The information requests and items on "what needs doing" (network home, DMR dashboard).

Focal Point: the open requests their state has to answer, with its deadline and where the
state's response stands; what they submitted themselves (4.5, 4.7), with its status, so
that nothing they sent disappears from view. DMR: submissions waiting for review, and the
open requests with their response rates. A fixed number of queries in every case.
"""

from django.db.models import (
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
)
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from wagtail.models import Page

from network_pages import access
from network_pages.community.activity import ReaderUrls
from network_pages.community.worklists import (
    WorkItem,
    WorkList,
    first_and_total,
    first_and_total_of_each,
)
from network_pages.models import MemberState

from . import rules
from .models import InformationRequestPage
from .models.response import Response


def _deadline(day) -> str:
    return gettext("Deadline: %(day)s") % {"day": date_format(day, "DATE_FORMAT")}


def _open_requests():
    return InformationRequestPage.objects.live().filter(
        alias_of__isnull=True,
        status=InformationRequestPage.Status.OPEN,
        deadline__gte=rules.today(),
    )


def _open_request_pages() -> Q:
    """`_open_requests`, as a condition on pages (their own rows and the request's)."""
    return Q(
        live=True,
        informationrequestpage__status=InformationRequestPage.Status.OPEN,
        informationrequestpage__deadline__gte=rules.today(),
    )


def _state_response(state):
    return Response.objects.filter(member_state=state, request_id=OuterRef("pk"))


def _answered_by(state) -> Exists:
    """The state has submitted its response to the request."""
    return Exists(_state_response(state).filter(status=Response.Status.SUBMITTED))


def _response_status(state) -> Subquery:
    """The state's response to the request (its status), if it has one."""
    return Subquery(_state_response(state).order_by().values("status")[:1])


def requests_to_answer(user, state, urls: ReaderUrls) -> WorkList:
    requests, total = first_and_total(
        _open_requests()
        # Those the state has submitted its response to are done: left out in SQL, so that
        # only the rows shown are read.
        .exclude(_answered_by(state))
        # The state's response to each request (its status), in the same query.
        .annotate(nfp_status=_response_status(state), nfp_deadline=F("deadline"))
        .order_by("deadline", "pk")
    )
    return _requests_to_answer_list(state, requests, total, urls)


def _requests_to_answer_list(state, requests: list, total: int | None, urls) -> WorkList:
    links = urls.map(requests)
    # Read from the request pages' own class: the rows may be plain pages (`_state_lists`).
    edit_response = InformationRequestPage().reverse_subpage("edit_response")
    items = [
        WorkItem(
            title=page.title,
            # Lazy: the URLs of every list on the page are looked up together.
            url=format_lazy("{}{}", links.get(page.pk, ""), edit_response),
            detail=_deadline(page.nfp_deadline),
            status=gettext("Draft") if page.nfp_status else gettext("Not started"),
            due=page.nfp_deadline,
        )
        for page in requests
    ]
    return WorkList(
        key="requests-to-answer",
        title=gettext("Requests %(state)s has to answer") % {"state": state.name},
        items=items,
        total=total,
        empty=gettext("Your state has answered every open request."),
        order=10,
    )


def _submission_status(page) -> str:
    if page.live:
        return gettext("Published")
    if page.last_published_at:
        return gettext("Unpublished by the DMR Secretariat")
    return gettext("Waiting for review by the DMR Secretariat")


def _mine(user) -> Q:
    return Q(informationitempage__submitted_by=user) | Q(informationrequestpage__requested_by=user)


def my_submissions(user, urls: ReaderUrls) -> WorkList:
    """What the user shared (4.7) or asked (4.5), newest first, whatever became of it."""
    # One query for both kinds: what is shown is on every page's own row.
    pages, total = first_and_total(
        Page.objects.filter(alias_of__isnull=True)
        .filter(_mine(user))
        .order_by("-pk")  # the latest submitted first
    )
    return _my_submissions_list(pages, total, urls)


def _my_submissions_list(pages: list, total: int | None, urls: ReaderUrls) -> WorkList:
    links = urls.map([page for page in pages if page.live])
    items = [
        WorkItem(
            title=page.title,
            url=links.get(page.pk, ""),
            detail=page.specific_class._meta.verbose_name.capitalize(),
            status=_submission_status(page),
            needs_action=False,
        )
        for page in pages
    ]
    return WorkList(
        key="my-submissions",
        title=gettext("Your submissions"),
        items=items,
        total=total,
        empty=gettext("You have not shared information or sent a request yet."),
        order=40,
    )


def _state_lists(user, state, urls: ReaderUrls) -> list[WorkList]:
    """A Focal Point's requests to answer and own submissions, both read in one query."""
    to_answer = _open_request_pages() & ~Q(_answered_by(state))
    lists = first_and_total_of_each(
        Page.objects.filter(alias_of__isnull=True).annotate(
            nfp_deadline=F("informationrequestpage__deadline"),
            nfp_status=_response_status(state),
        ),
        {
            "to_answer": (to_answer, ["nfp_deadline", "pk"]),
            "mine": (_mine(user), [F("pk").desc()]),
        },
    )
    return [
        _requests_to_answer_list(state, *lists["to_answer"], urls),
        _my_submissions_list(*lists["mine"], urls),
    ]


def _waiting_for_review() -> Q:
    """Items and requests a Focal Point submitted, never published yet (4.5, 4.7)."""
    return Q(live=False, last_published_at__isnull=True) & (
        Q(informationitempage__submitted_by__isnull=False)
        | Q(informationrequestpage__requested_by__isnull=False)
    )


def _submissions_to_review_list(pages: list, total: int | None) -> WorkList:
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


def _response_counts() -> dict:
    """Each request's count of submitted responses, and how many states in all."""
    submitted = Response.objects.filter(
        request_id=OuterRef("pk"), status=Response.Status.SUBMITTED
    ).order_by()
    return {
        # Counted per request (a subquery), not by joining every response.
        "submitted": _count(submitted),
        # How many states in all, in the same query.
        "states": _count(MemberState.objects.order_by()),
    }


def _response_rates_list(requests: list, total: int | None, urls: ReaderUrls) -> WorkList:
    links = urls.map(requests)
    items = [
        WorkItem(
            title=page.title,
            url=links.get(page.pk, ""),
            detail=_deadline(page.nfp_deadline),
            status=ngettext(
                "%(count)d of %(states)d state answered",
                "%(count)d of %(states)d states answered",
                page.submitted,
            )
            % {"count": page.submitted, "states": page.states},
            due=page.nfp_deadline,
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


def _secretariat_lists(urls: ReaderUrls) -> list[WorkList]:
    """The DMR's submissions to review and open requests with their response rates, both
    read in one query."""
    lists = first_and_total_of_each(
        Page.objects.filter(alias_of__isnull=True).annotate(
            nfp_deadline=F("informationrequestpage__deadline"), **_response_counts()
        ),
        {
            "review": (_waiting_for_review(), ["pk"]),
            "open": (_open_request_pages(), ["nfp_deadline", "pk"]),
        },
    )
    return [
        _submissions_to_review_list(*lists["review"]),
        _response_rates_list(*lists["open"], urls),
    ]


def information_work_lists(user, request=None) -> list[WorkList]:
    urls = ReaderUrls.of(request)
    lists = []
    state = rules.represented_state(user)
    own = access.is_member(user) and not access.is_dmr(user)
    if state is not None and own:  # a Focal Point: both lists in one query
        lists += _state_lists(user, state, urls)
    elif state is not None:
        lists.append(requests_to_answer(user, state, urls))
    elif own:
        lists.append(my_submissions(user, urls))
    if access.is_dmr(user):
        lists += _secretariat_lists(urls)
    return lists
