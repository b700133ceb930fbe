"""Information and good practices (2.1.a, 2.1.b, 2.1.d, 4.7): browse, filter and submit."""

from typing import NamedTuple

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.html import escape, linebreaks
from django.utils.translation import get_language, gettext
from taggit.models import Tag
from wagtail.rich_text import RichText

from network_pages import network_area
from network_pages.community.notifications import Follow, follow
from network_pages.models import MemberState
from nfp_site.prepared_sql import prepared_rows

from .. import announcements, limits, rules
from ..documents import DocumentNotStored, store_documents
from ..filter_rendering import rendered_once
from ..forms import ItemFilterForm, ItemSubmissionForm
from ..item_rows import summaries_html
from ..models.item_page import InformationItemTag
from .base import refuse, render_route

# What item_rows writes of an item (language_of reads the locale and alias of an item whose
# language is not one of the site's).
SUMMARY_COLUMNS = (
    "title",
    "slug",
    "item_type",
    "language",
    "summary",
    "good_practice",
    "first_published_at",
    "locale",
    "alias_of",
    "member_state__name_en",
    "member_state__name_fr",
)


def item_index(request: HttpRequest, index) -> HttpResponse:
    source = network_area.source_of(index)
    items = source.live_items()
    item_model = items.model
    # The filters' choices and the listed items' themes are read as rows, not as models:
    # 46 states, the themes of every live item (issue 17).
    theme_rows = Tag.objects.filter(
        pk__in=InformationItemTag.objects.filter(content_object__in=source.live_items()).values(
            "tag_id"
        )
    ).values_list("slug", "name")
    states = _states()
    themes = [Theme(slug, name) for slug, name in theme_rows]
    filter_form = ItemFilterForm(
        request.GET or None, states=states, themes=themes, types=item_model.Kind.choices
    )
    filters = filter_form.filters()
    if filters.get("state"):
        items = items.filter(member_state__code=filters["state"])
    if filters.get("theme"):
        # A condition on each item, not a join: no item twice, so no DISTINCT over every
        # column of every live item to count and sort them (issue 17).
        tagged = InformationItemTag.objects.filter(
            content_object_id=OuterRef("pk"), tag__slug=filters["theme"]
        )
        items = items.filter(Exists(tagged))
    if filters.get("type"):
        items = items.filter(item_type=filters["type"])
    if filters.get("good_practice"):
        items = items.filter(good_practice=True)
    items = (
        items.select_related("member_state")
        # The listing shows summaries: only their columns are read, not each item's body (up
        # to 20,000 characters of JSON, decoded for every row) nor the thirty others of a
        # page, made into 20 pages and states on each page of the index (issue 17).
        .only(*SUMMARY_COLUMNS)
        .order_by("-first_published_at", "-pk")
    )
    page_of_items = Paginator(items, limits.ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    base_url = index.get_url(request)
    themes_of = _themes_of([item.pk for item in page_of_items])
    for item in page_of_items:
        item.listing_url = f"{base_url}{item.slug}/"
        item.themes = themes_of.get(item.pk, [])
    query = request.GET.copy()
    query.pop("page", None)
    return render_route(
        index,
        request,
        "information/information_item_index_page.html",
        items=page_of_items,
        summaries_html=summaries_html(page_of_items),
        filter_form=filter_form,
        filter_html=rendered_once(filter_form, tuple(states), tuple(themes)),
        is_filtered=bool(filters),
        filter_query=query.urlencode(),
        may_submit=rules.represented_state(request.user) is not None,
    )


class State(NamedTuple):
    """What the filters read of a member state."""

    code: str
    name: str


class Theme(NamedTuple):
    """What the filters and the summaries read of a theme."""

    slug: str
    name: str


def _state_names() -> QuerySet:
    return MemberState.objects.values_list("code", "name_en", "name_fr")


def _states() -> list[State]:
    in_french = (get_language() or "en").startswith("fr")  # MemberState.name's rule
    rows = prepared_rows("information.item_states", _state_names)
    return [State(code, name_fr if in_french else name_en) for code, name_en, name_fr in rows]


def _tagged_items(item_ids: list[int]) -> QuerySet:
    return (
        InformationItemTag.objects.filter(content_object_id__in=item_ids)
        .order_by("pk")
        .values_list("content_object_id", "tag__slug", "tag__name")
    )


def _themes_of(item_ids: list[int]) -> dict[int, list[Theme]]:
    """Each listed item's themes, in the order they were given: the tags with their items in
    one query (a prefetch took two), compiled once per number of items (prepared_sql)."""
    themes: dict[int, list[Theme]] = {}
    if item_ids:
        for item_id, slug, name in prepared_rows(
            "information.item_themes", _tagged_items, item_ids
        ):
            themes.setdefault(item_id, []).append(Theme(slug, name))
    return themes


def body_from_text(text: str) -> list:
    """The plain text a Focal Point typed, as paragraphs of the item's body."""
    return [("paragraph", RichText(linebreaks(escape(text))))]


def submit_item(request: HttpRequest, index) -> HttpResponse:
    """4.7: a Focal Point submits information; the DMR reviews the draft in the admin."""
    state = rules.represented_state(request.user)
    if state is None:
        return refuse(request)
    source = network_area.source_of(index)
    form = ItemSubmissionForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial={"language": request.LANGUAGE_CODE},
    )
    if not (form.is_bound and form.is_valid()):
        return render_route(
            index, request, "information/item/submit_item.html", form=form, own_state=state
        )
    data = form.cleaned_data
    try:
        _submit_item(request, source, state, data)
    except DocumentNotStored as error:
        messages.error(request, str(error))
        return render_route(
            index, request, "information/item/submit_item.html", form=form, own_state=state
        )
    messages.success(
        request,
        gettext(
            "Thank you. The DMR Secretariat will review your information before it is "
            "published in the network area."
        ),
    )
    return redirect(index.get_url(request))


def _submit_item(request, source, state, data) -> None:
    with transaction.atomic():
        # One submission at a time per person: a double click finds the first one's draft.
        get_user_model().objects.select_for_update().filter(pk=request.user.pk).first()
        duplicate = (
            source.get_children()
            .filter(title=data["title"], live=False, owner=request.user)
            .exists()
        )
        if duplicate:
            return
        documents = store_documents(data["attachments"], user=request.user)
        page = source.specific.add_draft_item(
            user=request.user,
            member_state=state,
            title=data["title"],
            language=data["language"] or request.LANGUAGE_CODE,
            themes=data["themes"],
            documents=documents,
            summary=data["summary"],
            body=body_from_text(data["body"]),
            good_practice=data["good_practice"],
            dissemination_proposed=data["dissemination_proposed"],
        )
        follow(request.user, page, reason=Follow.Reason.AUTHORED)
        announcements.ask_dmr_to_review(page)
