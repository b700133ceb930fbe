"""Wagtail's page explorer, with what its rows and filters never use left unread (issue 17).

Wagtail's `ExplorableIndexView` as it is (same rows, same buttons, same permission and
readability filters: `construct_explorer_page_queryset` still decides which rows there are),
50 rows a page as Wagtail lists them, less four kinds of queries that its listing of one parent's
children does not need:

- the "Owner", "Edited by" and "Site" filters: each lists its choices when the page is drawn
  (every user who ever owned or edited a page: 150+ names at network size, one query each,
  and a list nobody can use); the network has one site. "Date updated", "Has child pages",
  "Page type" and "Locale" stay;
- the parent page of every row (`annotate_parent_page`, for a "Parent" column the explorer
  drops: every row's parent is the page being explored), unless searching, when Wagtail
  shows it;
- the rows' specific pages, one query per page type (eight on the network home, whose
  sections are each their own type): the rows are specific pages built from the listing's
  own query (`specific(defer=True)`); what a row shows is on Wagtail's `Page`, except the
  fields a page type names in `explorer_row_fields` (an information request's language, in
  its admin title), read in one query per such type instead of one per row;
- the rows' content types and site records: content types come from Django's cache of them,
  and the sites rooted at each row are never read (the listing's own query says whether a
  row is a site's root); the sites' root paths, which each row's links need, are read from
  the cache once for all the rows, not once per row;
- the rows' permission testers: one per row (`keep_one_permission_tester`) instead of one
  for each cell and button that asks, about ten a row;
- the title cells' ten templates a row: drawn in Python (nfp_site.explorer_cells), and so
  are four of the row's other five cells (nfp_site.explorer_row_cells);
- every view restriction's path, for the privacy of the page explored: the outermost
  restricted pages, from the cache (nfp_site.admin_privacy); the request's site, which the
  rows' links ask for, from the cache too (home.site_lookup).
"""

from collections import defaultdict
from operator import attrgetter

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import LocaleFilter
from wagtail.admin.ui.tables.pages import PageTitleColumn, ParentPageColumn
from wagtail.admin.views.pages.listing import ExplorableIndexView, GenericPageFilterSet
from wagtail.coreutils import get_content_languages
from wagtail.models import Page, Site, get_page_models

from home import locales, site_lookup
from nfp_site.admin_privacy import read_restricted_roots_once
from nfp_site.explorer_cells import title_column_like
from nfp_site.explorer_row_cells import fast_column_like

# A page type's fields that its explorer row shows (its `get_admin_display_title`, say).
ROW_FIELDS = "explorer_row_fields"


class PageTypesFromCache(ModelChoiceIterator):
    """The "Page type" filter's choices, Wagtail's (`get_page_content_types` without `Page`,
    by model name), from Django's cache of content types instead of a query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        models = [model for model in get_page_models() if model is not Page]
        content_types = ContentType.objects.get_for_models(*models).values()
        for content_type in sorted(content_types, key=attrgetter("model")):
            yield self.choice(content_type)


class ExplorerFilterSet(GenericPageFilterSet):
    # django-filter leaves out a base class's filter named here (FilterSetMetaclass).
    owner = None
    edited_by = None
    site = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.filters["content_type"].field
        field.iterator = PageTypesFromCache
        field.widget.choices = field.choices

    def _add_locale_filter(self):
        # Wagtail's (WagtailFilterSet._add_locale_filter), the locales from the process's
        # memo (home.locales) instead of a query.
        if "locale" in self.filters:
            return
        languages = get_content_languages()
        existing = {locale.language_code for locale in locales.all_locales()}
        choices = [(code, name) for code, name in languages.items() if code in existing]
        if len(choices) <= 1:
            return
        self.filters["locale"] = LocaleFilter(
            label=_("Locale"),
            choices=choices,
            empty_label=None,
            null_label=_("All"),
            null_value=None,
            widget=forms.RadioSelect,
        )


class ExplorerIndexView(ExplorableIndexView):
    base_filterset_class = ExplorerFilterSet

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        read_restricted_roots_once(request)
        # The rows' links ask for the request's site (a query each request): from the cache.
        site_lookup.find_for_request(request)
        # The viewset gives every page listing the same columns, "Parent" among them, and
        # Wagtail's listing reads every row's parent when its columns have it. The explorer
        # never shows it (`explorable_columns`); while searching, Wagtail's explorer reads
        # the parents itself (ExplorableIndexView.get_context_data).
        # The title column draws its common cells in Python (nfp_site.explorer_cells).
        # So do the checkbox, type, status and children cells (nfp_site.explorer_row_cells).
        self.columns = [
            title_column_like(c) if isinstance(c, PageTitleColumn) else fast_column_like(c)
            for c in self.columns
            if not isinstance(c, ParentPageColumn)
        ]

    def annotate_queryset(self, pages):
        # Wagtail's PageListingMixin.annotate_queryset, without the specific pages' own
        # queries and the content type and site prefetches (see the module's docstring).
        pages = pages.defer_streamfields().specific(defer=True)
        pages = pages.prefetch_workflow_states()
        if self.i18n_enabled:
            # The rows' locales from the process's memo (get_context_data).
            pages = pages.annotate_has_untranslated_locale()
        return pages.annotate_site_root_state().annotate_approved_schedule()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = list(context["object_list"])
        content_type = Page._meta.get_field("content_type")
        # Each row's links ask for the sites' root paths, kept on the page asked (a cache
        # read per row when the buttons ask without the request): read once, given to all.
        root_paths = Site.get_site_root_paths()
        locale_field = Page._meta.get_field("locale")
        locale_of = {locale.pk: locale for locale in locales.all_locales()}
        user = self.request.user
        for page in rows:
            keep_one_permission_tester(page, user)
            if self.i18n_enabled and page.locale_id in locale_of:
                locale_field.set_cached_value(page, locale_of[page.locale_id])
            page._wagtail_cached_site_root_paths = root_paths
            if not content_type.is_cached(page):
                content_type.set_cached_value(
                    page, ContentType.objects.get_for_id(page.content_type_id)
                )
        read_row_fields(rows)
        return context


def keep_one_permission_tester(page: Page, user) -> None:
    """The row's page answers `permissions_for_user(user)` with one tester, built once: a
    row's cells and buttons (Wagtail's hooks and ours) each ask for their own, about ten a
    row, and each tester sorts through every page permission of the user's groups. A
    tester holds the user's permissions on the page and asks the page the rest when asked,
    as Wagtail's action menu already shares one between its items."""
    tester = page.permissions_for_user(user)
    page_permissions_for_user = page.permissions_for_user
    page.permissions_for_user = lambda for_user: (
        tester if for_user is user else page_permissions_for_user(for_user)
    )


def read_row_fields(rows: list[Page]) -> None:
    """The fields each row's type names in `explorer_row_fields` (deferred in the listing's
    query), one query per such type."""
    by_type = defaultdict(list)
    for page in rows:
        if getattr(page, ROW_FIELDS, ()):
            by_type[type(page)].append(page)
    for model, pages in by_type.items():
        fields = getattr(model, ROW_FIELDS)
        values = model._base_manager.filter(pk__in=[p.pk for p in pages]).values("pk", *fields)
        by_pk = {row.pop("pk"): row for row in values}
        for page in pages:
            for field, value in by_pk.get(page.pk, {}).items():
                setattr(page, field, value)
