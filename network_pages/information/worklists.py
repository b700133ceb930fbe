"""The information requests and items on "what needs doing" (network home, DMR dashboard).

Focal Point: the open requests their state has to answer, with its deadline and where the
state's response stands; what they submitted themselves (4.5, 4.7), with its status, so
that nothing they sent disappears from view. DMR: submissions waiting for review, and the
open requests with their response rates. A fixed number of queries in every case.
"""

from datetime import date

from django.db.models import DateField, Exists, F, Func, IntegerField, OuterRef, Q, Subquery, Value
from django.urls import reverse
from django.utils import dateformat
from django.utils.formats import date_format, get_format
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from wagtail.models import Page

from network_pages import access
from network_pages.community.activity import ReaderUrls
from network_pages.community.worklists import (
    WorkItem,
    WorkList,
    first_and_total_of_each,
    first_of,
    prepared_first_and_total,
)
from network_pages.models import MemberState
from nfp_site.operations.model_loading import in_field_order, page_from_row

from . import rules
from .models import InformationItemPage, InformationRequestPage
from .models.response import Response


def _deadline(day) -> str:
    return gettext("Deadline: %(day)s") % {"day": date_format(day, "DATE_FORMAT")}


def _open_requests(today: date):
    return InformationRequestPage.objects.live().filter(
        alias_of__isnull=True,
        status=InformationRequestPage.Status.OPEN,
        deadline__gte=today,
    )


# The page's fields an item and its link (`ReaderUrls`) read.
_ITEM_FIELDS = ("title", "content_type", "live", "translation_key", "locale", "url_path")


def _requests_to_answer(state_id: int, today: date):
    state_response = Response.objects.filter(member_state_id=state_id, request_id=OuterRef("pk"))
    return (
        _open_requests(today)
        # Those the state has submitted its response to are done: left out in SQL, so that
        # only the rows shown are read.
        .exclude(Exists(state_response.filter(status=Response.Status.SUBMITTED)))
        # The state's response to each request (its status), in the same query.
        .annotate(nfp_status=Subquery(state_response.order_by().values("status")[:1]))
        .order_by("deadline", "pk")
        # What an item and its link read, not every column: the total is counted over every
        # open request, so each row is carried through the joins and the window count.
        .only(*_ITEM_FIELDS, "deadline")
    )


def requests_to_answer(user, state, urls: ReaderUrls) -> WorkList:
    requests, total = prepared_first_and_total(
        "requests_to_answer", _requests_to_answer, state.pk, rules.today()
    )
    links = urls.map(requests)
    # Asked once for the list, not once per request.
    deadline, day_format = gettext("Deadline: %(day)s"), get_format("DATE_FORMAT")
    draft, not_started = gettext("Draft"), gettext("Not started")
    # The same route below every request: reversed once for the list.
    edit_response = requests[0].reverse_subpage("edit_response") if requests else ""
    items = [
        WorkItem(
            title=page.title,
            # Lazy: the URLs of every list on the page are looked up together.
            url=format_lazy("{}{}", links.get(page.pk, ""), edit_response),
            detail=deadline % {"day": dateformat.format(page.deadline, day_format)},
            status=draft if page.nfp_status else not_started,
            due=page.deadline,
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


def _submissions_of(user_id: int):
    # One query for both kinds: what is shown is on every page's own row. The user's pages
    # are found by their submitter's index on each kind (a UNION), then read by id: an OR
    # across two joined tables would be tested on every page of the site.
    submitted = InformationItemPage.objects.filter(submitted_by_id=user_id)
    requested = InformationRequestPage.objects.filter(requested_by_id=user_id)
    return Page.objects.filter(
        alias_of__isnull=True,
        pk__in=submitted.order_by().values("pk").union(requested.order_by().values("pk"), all=True),
    ).order_by("-pk")  # the latest submitted first


def my_submissions(user, urls: ReaderUrls) -> WorkList:
    """What the user shared (4.7) or asked (4.5), newest first, whatever became of it."""
    pages, total = prepared_first_and_total("my_submissions", _submissions_of, user.pk)
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


def _count(queryset) -> Subquery:
    """COUNT(*) of `queryset` as a subquery of the outer query."""
    return Subquery(
        queryset.annotate(n=Func("pk", function="COUNT")).values("n"),
        output_field=IntegerField(),
    )


def _open_requests_by_deadline(today: date):
    return _open_requests(today).order_by("deadline", "pk")


# The columns of the DMR's two lists, read together (`_secretariat_lists`): a page each,
# with what its item shows and what its link needs.
_DMR_COLUMNS = (
    "nfp_part",
    "nfp_total",
    "nfp_pk",
    "nfp_title",
    "nfp_type",
    "nfp_deadline",
    "nfp_submitted",
    "nfp_states",
    "nfp_key",
    "nfp_locale",
    "nfp_path",
)
_TO_REVIEW, _OPEN = 0, 1


def _page_columns(queryset, *, deadline, submitted, states):
    return queryset.annotate(
        nfp_pk=F("pk"),
        nfp_title=F("title"),
        nfp_type=F("content_type_id"),
        nfp_deadline=deadline,
        nfp_submitted=submitted,
        nfp_states=states,
        nfp_key=F("translation_key"),
        nfp_locale=F("locale_id"),
        nfp_path=F("url_path"),
    ).values_list(*_DMR_COLUMNS)


def _secretariat_lists(today: date):
    """The submissions to review and the open requests with their response rates: the
    first of each and how many in all, in one query (`first_and_total_of_each`)."""
    no_number = Value(None, output_field=IntegerField())
    to_review = _page_columns(
        first_of(_TO_REVIEW, _submissions_to_review()),
        deadline=Value(None, output_field=DateField()),
        submitted=no_number,
        states=no_number,
    )
    submitted = Response.objects.filter(
        request_id=OuterRef("pk"), status=Response.Status.SUBMITTED
    ).order_by()
    open_requests = _page_columns(
        first_of(_OPEN, _open_requests_by_deadline(today)),
        deadline=F("deadline"),
        # Counted per request shown (a subquery), not by joining every response.
        submitted=_count(submitted),
        # How many states in all, in the same query.
        states=_count(MemberState.objects.order_by()),
    )
    return to_review.union(open_requests, all=True)


# The page's columns of a row of `_DMR_COLUMNS`, and the page's fields they are, in the
# model's field order (`page_from_row`).
_PAGE_COLUMN_OF = {
    "id": "nfp_pk",
    "title": "nfp_title",
    "content_type_id": "nfp_type",
    "translation_key": "nfp_key",
    "locale_id": "nfp_locale",
    "url_path": "nfp_path",
}
_PAGE_FIELDS = in_field_order(Page, _PAGE_COLUMN_OF)


def _page_of(row) -> Page:
    """The page of a row of `_DMR_COLUMNS`, as far as its item and its link need it (its
    other columns deferred: made of the row as `from_db` makes it, not through
    `Page.__init__`'s defaults for every field, ~50 µs a page)."""
    values = dict(zip(_DMR_COLUMNS, row, strict=True))
    page = page_from_row(
        _PAGE_FIELDS, tuple(values[_PAGE_COLUMN_OF[name]] for name in _PAGE_FIELDS)
    )
    page.deadline = values["nfp_deadline"]
    page.submitted = values["nfp_submitted"]
    page.states = values["nfp_states"]
    return page


def secretariat_lists(urls: ReaderUrls) -> list[WorkList]:
    """The DMR's: submissions to review, then the open requests with their response rates."""
    (review_rows, review_total), (open_rows, open_total) = first_and_total_of_each(
        "information.secretariat",
        _secretariat_lists,
        rules.today(),
        columns=_DMR_COLUMNS,
        parts=2,
    )
    to_review = sorted(map(_page_of, review_rows), key=lambda page: page.pk)
    open_requests = sorted(map(_page_of, open_rows), key=lambda page: (page.deadline, page.pk))
    return [
        submissions_to_review(to_review, review_total),
        response_rates(urls, open_requests, open_total),
    ]


def submissions_to_review(pages: list[Page], total: int | None) -> WorkList:
    """Items and requests a Focal Point submitted, never published yet (4.5, 4.7)."""
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


def response_rates(urls: ReaderUrls, requests: list[Page], total: int | None) -> WorkList:
    """The open requests, each with how many states have submitted a response."""
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


def information_work_lists(user, request=None) -> list[WorkList]:
    urls = ReaderUrls.of(request)
    lists = []
    state = rules.represented_state(user)
    if state is not None:
        lists.append(requests_to_answer(user, state, urls))
    if access.is_member(user) and not access.is_dmr(user):
        lists.append(my_submissions(user, urls))
    if access.is_dmr(user):
        lists += secretariat_lists(urls)
    return lists
