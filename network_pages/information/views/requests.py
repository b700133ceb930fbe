"""Requests for information (4.5, 4.6): the list, one request with its overview, and the
form through which a Focal Point sends a request to the DMR."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Site

from network_pages import access, network_area
from network_pages.community.notifications import Follow, follow
from network_pages.date_text import formatter_for

from .. import announcements, language_check, limits, request_rows, rules
from ..filter_rendering import rendered_once
from ..forms import RequestFilterForm, RequestSubmissionForm, question_formset
from ..models.response import Response
from ..overview import build_overview
from .base import refuse, render_route

TEMPLATES = "information/request"


# What request_rows writes of a request (language_of reads the locale and alias of a request
# whose language is not one of the site's).
ROW_COLUMNS = (
    "title",
    "slug",
    "language",
    "deadline",
    "status",
    "locale",
    "alias_of",
    "member_state__name_en",
    "member_state__name_fr",
)


def request_index(request: HttpRequest, index) -> HttpResponse:
    """Open and closed requests, open ones first, paginated."""
    source = network_area.source_of(index)
    filter_form = RequestFilterForm(request.GET or None)
    requests = source.live_requests().order_by("status", "-deadline")
    status = filter_form.status_filter()
    if status:
        requests = requests.filter(status=status)
    # Only the columns the rows show (request_rows): not every request's questions (JSON)
    # nor the thirty other columns of a page, sorted among a thousand requests and made into
    # 20 pages on each page of the index (issue 17).
    requests = requests.select_related("member_state").only(*ROW_COLUMNS)
    listing = Paginator(requests, limits.REQUESTS_PER_PAGE)
    page_of_requests = listing.get_page(request.GET.get("page"))
    state = rules.represented_state(request.user)
    own_status = {}
    if state is not None:
        own_status = dict(
            Response.objects.filter(
                member_state=state, request__in=[item.pk for item in page_of_requests]
            ).values_list("request_id", "status")
        )
    base_url = index.get_url(request)
    for item in page_of_requests:
        item.listing_url = f"{base_url}{item.slug}/"
        item.own_status = own_status.get(item.pk)
    return render_route(
        index,
        request,
        "information/information_request_index_page.html",
        requests=page_of_requests,
        rows_html=request_rows.rows_html(page_of_requests, with_own_status=state is not None),
        filter_form=filter_form,
        filter_html=rendered_once(filter_form),
        filter_query=f"status={status}" if status else "",
        own_state=state,
        may_submit=state is not None or access.is_dmr(request.user),
    )


def request_detail(request: HttpRequest, page) -> HttpResponse:
    """The request, its numbered questions, and the overview of the 46 member states."""
    source = network_area.source_of(page)
    overview = build_overview(source)
    own_state = rules.represented_state(request.user)
    own_row = overview.row_for(own_state)
    is_dmr = access.is_dmr(request.user)
    # The page's own address, the date format and the link's words once, not once per
    # state (`{% routablepageurl %}`, `|date`, `{% blocktranslate %}` each).
    base = page.relative_url(Site.find_for_request(request), request).rstrip("/") + "/"
    responses = base + page.reverse_subpage("response", args=["-"]).removesuffix("-/")
    write_date = formatter_for("DATE_FORMAT")
    read_label = gettext("Read the response of %(state)s")
    # The reader's time zone read once: `localtime` asks for it again at each of 46 rows.
    zone = timezone.get_current_timezone()
    for row in overview.rows:
        row.readable = row.response is not None and (
            row.response.is_submitted or is_dmr or (own_row is not None and row is own_row)
        )
        if row.response is not None:
            changed = timezone.localtime(row.response.updated_at, zone)
            row.changed_iso, row.changed_label = changed.isoformat(), write_date(changed)
        if row.readable:
            row.response_url = f"{responses}{row.state.code}/"
            row.read_label = read_label % {"state": row.state.name}
    return render_route(
        page,
        request,
        "information/information_request_page.html",
        request_page=source,
        questions=source.numbered_questions(),
        overview=overview,
        own_state=own_state,
        own_row=own_row,
        lock=rules.lock_of(source, own_row.response if own_row else None),
        # The requesting state among those the overview read: no query of its own (a
        # request from the DMR has none, which reads nothing either).
        requester_state=overview.state_with_pk(source.member_state_id) or source.member_state,
        requester=source.requested_by,
    )


def _question_texts_for_check(formset) -> list[tuple[str, str]]:
    return [
        (gettext("question %(number)d") % {"number": number}, text)
        for number, text in enumerate(formset.question_texts(), start=1)
    ]


def submit_request(request: HttpRequest, index) -> HttpResponse:
    """A Focal Point sends a request; the DMR checks the draft page before it goes out."""
    state = rules.represented_state(request.user)
    if state is None and not access.is_dmr(request.user):
        return refuse(request)
    source = network_area.source_of(index)
    context = {
        "index": source,
        "own_state": state,
        "max_questions": limits.MAX_QUESTIONS,
        "question_max_length": limits.QUESTION_MAX_LENGTH,
    }
    if request.method != "POST":
        return render_route(
            index,
            request,
            f"{TEMPLATES}/submit_request.html",
            form=RequestSubmissionForm(initial={"language": request.LANGUAGE_CODE}),
            questions=question_formset(),
            **context,
        )
    form = RequestSubmissionForm(request.POST)
    if "add_question" in request.POST:
        return render_route(
            index,
            request,
            f"{TEMPLATES}/submit_request.html",
            form=RequestSubmissionForm(initial=request.POST.dict()),
            questions=question_formset(request.POST, add_one=True),
            **context,
        )
    questions = question_formset(request.POST)
    if not (form.is_valid() and questions.is_valid()):
        return render_route(
            index,
            request,
            f"{TEMPLATES}/submit_request.html",
            form=form,
            questions=questions,
            **context,
        )
    data = form.cleaned_data
    if not data["confirm_language"]:
        texts = [
            (gettext("title"), data["title"]),
            (gettext("background"), data["background"]),
            *_question_texts_for_check(questions),
        ]
        mismatched = language_check.mismatches(texts, data["language"])
        if mismatched:
            return render_route(
                index,
                request,
                f"{TEMPLATES}/submit_request.html",
                form=form,
                questions=questions,
                language_warning=mismatched,
                **context,
            )
    with transaction.atomic():
        # One submission at a time per person: a double click finds the first one's draft.
        get_user_model().objects.select_for_update().filter(pk=request.user.pk).first()
        duplicate = (
            source.get_children()
            .filter(title=data["title"], live=False, owner=request.user)
            .exists()
        )
        if not duplicate:
            page = source.specific.add_draft_request(
                user=request.user,
                member_state=state,
                title=data["title"],
                questions=questions.question_texts(),
                language=data["language"],
                background=data["background"],
                deadline=data["deadline"],
            )
            follow(request.user, page, reason=Follow.Reason.AUTHORED)
            announcements.ask_dmr_to_review(page)
    messages.success(
        request,
        gettext(
            "Your request was sent to the DMR Secretariat, who will check it before it goes "
            "out to the network."
        ),
    )
    return redirect(index.get_url(request))
