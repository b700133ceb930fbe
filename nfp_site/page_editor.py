"""Wagtail's page editor, reading twice less of what it already read (issue 17).

- Wagtail lists the page's translations the user may edit, reading each with only its id,
  locale and depth, then asks each one's permission tester, which needs its type and its
  place in the tree: two more queries per translation (every network page has its French
  alias). Here they are read with the rest, as a JSON list in the header's own query
  (workflows.header_facts, asked first by the `before_edit_page` hook): the same records
  (same fields read, the others deferred), the list and its rule Wagtail's
  (EditView.get_translations).
- The editor reads the page's latest revision first (`dispatch`), then edits a copy of the
  page built from it, whose status panel asks for its latest and live revisions again: the
  copy is handed the revision already read when it is the one it points to.
- A select of the form (a request's member state and requester: 46 states, every user) is
  drawn twice, once into the editor's JavaScript (the panels packed by telepath) and once
  into the page: its choices are read once (`ChoicesReadOnce`).
- Editing sessions idle for an hour are deleted as Wagtail does on opening the editor
  (`EditingSession.cleanup`), in one statement instead of Django's collector, which reads
  them first and deletes them in a transaction of its own (three queries, since a
  project-wide delete signal keeps every model off Django's fast path): nothing refers to
  an editing session, and no receiver cares about one. And at most once a minute for the
  whole site rather than on every opening: it is housekeeping, since an editor only ever
  shows the sessions seen in the last 25 minutes (`EditingSession.objects.available()`).
- The copy is also handed the workflow state the page record was read with (Wagtail reads
  it again for the copy) and its locale from the process's memo (home.locales).
- The action menu asks whether the page may be submitted for moderation twice (a query
  each: does a workflow cover it?): once here.
- Whether the page is public (the status panel's privacy) is answered from the cached
  outermost restricted pages (nfp_site.admin_privacy).
"""

from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.db.models.functions import JSONArray
from django.forms import ModelChoiceField
from django.forms.models import ModelChoiceIterator
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.admin.ui.editing_sessions import EditingSessionsModule
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page, get_default_page_content_type

from home.locales import all_locales
from nfp_site.admin_privacy import read_restricted_roots_once
from nfp_site.json_rows import JSONGroupArray
from nfp_site.operations.model_loading import in_field_order
from workflows import header_facts

READ = "_nfp_choices_read"
# What Wagtail's editor reads of each translation (EditView.get_translations, here with the
# page's place in the tree and type, which its permission tester asks for).
TRANSLATION_FIELDS = ("id", "path", "depth", "locale_id", "content_type_id")
# While this key lives, the stale editing sessions were deleted less than a minute ago.
SESSIONS_CLEANED = "nfp:editing-sessions-cleaned"
CLEAN_SESSIONS_EVERY_SECONDS = 60


def locale_by_id() -> dict:
    return {locale.pk: locale for locale in all_locales()}


class ChoicesReadOnce(ModelChoiceIterator):
    """Django's choices of a model field, from the objects read the first time they were
    drawn (for the same queryset: a field given another one reads it)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        read = self.field.__dict__.get(READ)
        if read is None or read[0] is not self.queryset:
            read = self.field.__dict__[READ] = (self.queryset, list(self.queryset))
        for obj in read[1]:
            yield self.choice(obj)


def read_choices_once(form) -> None:
    """Every select of the form (one of its own fields) reads its choices once."""
    for field in form.fields.values():
        if isinstance(field, ModelChoiceField) and hasattr(field.widget, "choices"):
            field.iterator = ChoicesReadOnce
            field.widget.choices = field.choices


def delete_stale_editing_sessions() -> None:
    """`EditingSession.cleanup`, in one statement, unless done in the last minute."""
    if cache.add(SESSIONS_CLEANED, True, CLEAN_SESSIONS_EVERY_SECONDS):
        stale = EditingSession.objects.stale()
        stale._raw_delete(stale.db)


TRANSLATIONS = "_nfp_translations"


def translation_record(model: type[Page], values: list) -> Page:
    """A translation as `model.objects.only(*TRANSLATION_FIELDS)` reads it, its locale from
    the process's memo (as Wagtail's `select_related("locale")`)."""
    by_name = dict(zip(TRANSLATION_FIELDS, values, strict=True))
    by_name.setdefault(model._meta.pk.attname, by_name["id"])
    fields = in_field_order(model, by_name)
    record = model.from_db(None, fields, [by_name[name] for name in fields])
    locale = locale_by_id().get(record.locale_id)
    if locale is not None:
        Page._meta.get_field("locale").set_cached_value(record, locale)
    return record


class PageEditView(EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        read_restricted_roots_once(request)

    def get_object(self):
        page = super().get_object()
        # What the page record read comes with the copy: its workflow state (prefetched
        # as Wagtail's `current_workflow_state` reads it) and its locale (the memo's).
        record = self.real_page_record
        if hasattr(record, "_current_workflow_states"):
            page._current_workflow_states = record._current_workflow_states
        locale_field = Page._meta.get_field("locale")
        if not locale_field.is_cached(page):
            locale = locale_by_id().get(page.locale_id)
            if locale is not None:
                locale_field.set_cached_value(page, locale)
        self.read_header_facts_and_translations(page)
        latest = self.latest_revision
        if latest is not None:
            for name in ("latest_revision", "live_revision"):
                field = Page._meta.get_field(name)
                if getattr(page, field.attname) == latest.pk and not field.is_cached(page):
                    field.set_cached_value(page, latest)
        return page

    def get_translations(self):
        return [
            {
                "locale": translation.locale,
                "url": reverse("wagtailadmin_pages:edit", args=[translation.id]),
            }
            for translation in self.translations_read
            if translation.permissions_for_user(self.request.user).can_edit()
        ]

    def read_header_facts_and_translations(self, page: Page) -> None:
        """The header's facts and the page's translations, in one query, before Wagtail's
        hooks ask the facts (`header_facts.of`) and Wagtail its translations."""
        model = type(page)
        translations = (
            model.objects.filter(translation_key=OuterRef("translation_key"))
            .exclude(pk=OuterRef("pk"))
            .order_by()
            .values("translation_key")
            .annotate(rows=JSONGroupArray(JSONArray(*TRANSLATION_FIELDS)))
            .values("rows")
        )
        rows = header_facts.read_with(page, **{TRANSLATIONS: Subquery(translations)})
        self.translations_read = [
            translation_record(model, row) for row in rows[TRANSLATIONS] or []
        ]

    def get_context_data(self, **kwargs):
        read_choices_once(self.form)
        return super().get_context_data(**kwargs)

    def get_action_menu(self):
        # Two of the menu's items ask the same permission tester whether the page may be
        # submitted for moderation, which asks whether a workflow covers the page (a
        # query each time): answered once for the menu, by Wagtail's rule.
        page = self.page
        tester = page.permissions_for_user(self.request.user)
        may_submit = tester.can_submit_for_moderation()
        tester.can_submit_for_moderation = lambda: may_submit
        page.permissions_for_user = lambda user: (
            tester if user is self.request.user else type(page).permissions_for_user(page, user)
        )
        try:
            return super().get_action_menu()
        finally:
            del page.permissions_for_user

    def get_editing_sessions(self):
        # Wagtail's (EditView.get_editing_sessions), the clean-up in one statement, once a
        # minute.
        delete_stale_editing_sessions()
        session = EditingSession.objects.create(
            user=self.request.user,
            content_type=get_default_page_content_type(),
            object_id=self.page.pk,
            last_seen_at=timezone.now(),
        )
        return EditingSessionsModule(
            session,
            reverse(
                "wagtailadmin_editing_sessions:ping",
                args=(Page._meta.app_label, Page._meta.model_name, self.page.pk, session.id),
            ),
            reverse("wagtailadmin_editing_sessions:release", args=(session.id,)),
            [],
            self.page.latest_revision_id,
            self.latest_revision_created_at,
        )
