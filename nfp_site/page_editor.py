"""Wagtail's page editor, reading twice less of what it already read (issue 17).

- Wagtail lists the page's translations the user may edit, reading each with only its id,
  locale and depth, then asks each one's permission tester, which needs its type and its
  place in the tree: two more queries per translation (every network page has its French
  alias). Here they are read with the rest; the list and its rule are Wagtail's
  (EditView.get_translations).
- The editor reads the page's latest revision first (`dispatch`), then edits a copy of the
  page built from it, whose status panel asks for its latest and live revisions again: the
  copy is handed the revision already read when it is the one it points to.
- A select of the form (a request's member state and requester: 46 states, every user) is
  drawn twice, once into the editor's JavaScript (the panels packed by telepath) and once
  into the page: its choices are read once (`ChoicesReadOnce`).
- Editing sessions idle for an hour are deleted as Wagtail does on every opening of the
  editor (`EditingSession.cleanup`), in one statement instead of Django's collector, which
  reads them first and deletes them in a transaction of its own (three queries, since a
  project-wide delete signal keeps every model off Django's fast path): nothing refers to
  an editing session, and no receiver cares about one.
- Whether the page is public (the status panel's privacy) is answered from the cached
  outermost restricted pages (nfp_site.admin_privacy).
"""

from django.forms import ModelChoiceField
from django.forms.models import ModelChoiceIterator
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.admin.ui.editing_sessions import EditingSessionsModule
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page, get_default_page_content_type

from nfp_site.admin_privacy import read_restricted_roots_once

READ = "_nfp_choices_read"


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


class PageEditView(EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        read_restricted_roots_once(request)

    def get_object(self):
        page = super().get_object()
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
            for translation in self.page.get_translations()
            .only("id", "locale", "depth", "path", "content_type")
            .select_related("locale")
            if translation.permissions_for_user(self.request.user).can_edit()
        ]

    def get_context_data(self, **kwargs):
        read_choices_once(self.form)
        return super().get_context_data(**kwargs)

    def get_editing_sessions(self):
        # Wagtail's (EditView.get_editing_sessions), the clean-up in one statement.
        stale = EditingSession.objects.stale()
        stale._raw_delete(stale.db)
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
