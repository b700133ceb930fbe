"""/<lang>/network/library/: the libraries of the network, of each meeting and of each
thematic group (issue 18).

Every view is for a verified person first (`VerifiedRequiredMixin`: the sign-in steps
answer the same whatever the URL names), then for the readers of the library in question
(`places.may_read`). A library, an entry or a version that does not exist answers a reader
exactly what one they may not read does (403), so that nobody learns what exists; only the
DMR, who reads everything, is told "not found".
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views import View
from taggit.models import Tag

from network_pages import access, roles
from network_pages.accounts.mixins import VerifiedRequiredMixin
from network_pages.community.activity import ReaderUrls
from network_pages.information.documents import DocumentNotStored
from network_pages.information.pagination import pagination
from network_pages.models import MemberState
from network_pages.models.member_state import every_member_state
from nfp_site.prepared_sql import prepared_objects

from . import places, storing
from .forms import (
    AllLibrariesFilterForm,
    EntryForm,
    LibraryFilterForm,
    MoveEntryForm,
    UploadPolicyForm,
    VersionForm,
    version_form_html,
)
from .languages import grouped_by_language
from .listing import entry_columns, entry_rows
from .models import LibraryEntry, LibraryVersion, UploadPolicy

ENTRIES_PER_PAGE = 20
# The preview is a PDF shown by the browser's own viewer, in a frame of the entry's page:
# it may load nothing, submit nothing, and only this site may frame it. No `sandbox`:
# Chromium does not run its PDF viewer in a sandboxed document (the preview would stay
# blank); the file is a PDF by its first bytes (checked at upload and when served), and
# nosniff keeps the browser from taking it for anything else.
PREVIEW_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"


def not_found_or_refused(request: HttpRequest) -> HttpResponse:
    if access.is_dmr(request.user):
        raise Http404
    return access.refusal(request, access.Verdict.REFUSE)


class LibraryMixin(VerifiedRequiredMixin):
    """Resolves `self.library` from the URL, then lets in its readers only."""

    kind = places.Kind.NETWORK

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is not None:
            return refused
        if self.kind is places.Kind.NETWORK:
            self.library = places.NETWORK
        else:
            self.library = places.find_library(self.kind, self.kwargs["page_id"])
            if self.library is None:
                return not_found_or_refused(request)
        if not places.may_read(request.user, self.library):
            return access.refusal(request, access.Verdict.REFUSE)
        return None


class LibraryView(LibraryMixin, View):
    """A library's entries, newest first, filtered by tag, language and author state."""

    def get(self, request: HttpRequest, **kwargs) -> HttpResponse:
        library = self.library
        entries = library.entries()
        form = LibraryFilterForm(request.GET, tags=tags_of(entries), states=every_member_state())
        filters = form.filters()
        entries = entry_columns(narrowed(entries, filters).distinct())
        page_obj = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        query = query.urlencode()
        policy = None
        if places.may_set_policy(request.user, library):
            policy = UploadPolicyForm(
                initial={"focal_points_may_upload": places.focal_points_may_upload(library)}
            )
        return render(
            request,
            "library/library.html",
            {
                "library": library,
                "page_obj": page_obj,
                # The page's rows as read (not through `Page`'s indexing, one call a row).
                "rows": entry_rows(page_obj.object_list),
                "pagination": pagination(page_obj, query),
                "filter_form": form,
                "filter_fields": form.fields_html(),
                "is_filtered": bool(filters),
                "query": query,
                "may_upload": places.may_upload(request.user, library),
                "policy_form": policy,
                # The meeting or group in the reader's language (its French alias in French).
                "place_url": (
                    ReaderUrls.of(request).map([library.page])[library.page.pk]
                    if library.page is not None
                    else ""
                ),
            },
        )


def narrowed(entries, filters: dict):
    """`entries` by the filters of one library (tag, language, author state)."""
    if "tag" in filters:
        entries = entries.filter(tags__slug=filters["tag"])
    if "language" in filters:
        entries = entries.filter(versions__language=filters["language"])
    if "state" in filters:
        entries = entries.filter(member_state__code=filters["state"])
    return entries


def tags_of(entries):
    """The tags of `entries`, as the filter offers them: rows of their slug and name, not
    models (issue 17: a library's tags grow with it; the form reads these two alone)."""
    return (
        Tag.objects.filter(library_libraryentrytag_items__content_object__in=entries)
        .distinct()
        .order_by()
        .values_list("slug", "name", named=True)
    )


class AllLibrariesView(VerifiedRequiredMixin, View):
    """Every entry the reader may read, across the network's, the meetings' and the thematic
    groups' libraries, newest first; filtered by library, tag, language, author state and
    date. Nothing of a library the reader may not read is shown or counted, not even in
    the filters' choices."""

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is not None:
            return refused
        user = request.user
        if not (access.is_member(user) or roles.GUESTS in access.group_names_of(user)):
            return access.refusal(request, access.Verdict.REFUSE)
        return None

    def get(self, request: HttpRequest) -> HttpResponse:
        readable = places.readable_libraries(request.user)
        entries = readable.entries()
        form = AllLibrariesFilterForm(
            request.GET,
            readable=readable,
            tags=tags_of(entries),
            states=MemberState.objects.all(),
        )
        filters = form.filters()
        entries = self.by_library(entries, filters.get("library", ""))
        entries = narrowed(entries, filters)
        if "date_from" in filters:
            entries = entries.filter(date__gte=filters["date_from"])
        if "date_to" in filters:
            entries = entries.filter(date__lte=filters["date_to"])
        entries = entry_columns(entries.distinct())
        page_obj = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "library/all.html",
            {
                "page_obj": page_obj,
                "rows": entry_rows(page_obj, readable.by_page_id()),
                "libraries": readable.libraries,
                "filter_form": form,
                "is_filtered": bool(filters),
                "query": query.urlencode(),
            },
        )

    @staticmethod
    def by_library(entries, chosen: str):
        form = AllLibrariesFilterForm
        if chosen == form.NETWORK:
            return entries.filter(meeting__isnull=True, thematic_group__isnull=True)
        if chosen == form.MEETINGS:
            return entries.filter(meeting__isnull=False)
        if chosen == form.GROUPS:
            return entries.filter(thematic_group__isnull=False)
        kind, _sep, page_id = chosen.partition("-")
        if kind == "meeting":
            return entries.filter(meeting_id=int(page_id))
        if kind == "group":
            return entries.filter(thematic_group_id=int(page_id))
        return entries


class AddEntryView(LibraryMixin, View):
    """A new document of the library, with its first file."""

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is None and not places.may_upload(request.user, self.library):
            return access.refusal(request, access.Verdict.REFUSE)
        return refused

    def get(self, request: HttpRequest, **kwargs) -> HttpResponse:
        form = EntryForm(initial={"date": timezone.localdate()})
        return self.show(request, form)

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        form = EntryForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.show(request, form, status=400)
        try:
            entry, created = storing.add_entry(self.library, request.user, form.cleaned_data)
        except DocumentNotStored as error:
            messages.error(request, str(error))
            return self.show(request, form, status=503)
        if created:
            messages.success(request, _("The document was added to the library."))
        return redirect("library:entry", pk=entry.pk)

    def show(self, request: HttpRequest, form, status: int = 200) -> HttpResponse:
        return render(
            request,
            "library/add_entry.html",
            {"library": self.library, "form": form},
            status=status,
        )


def _entry_with_places(pk: int) -> QuerySet:
    return LibraryEntry.objects.select_related("member_state", "meeting", "thematic_group").filter(
        pk=pk
    )


def _versions_of(entry_id: int) -> QuerySet:
    return (
        LibraryVersion.objects.filter(entry_id=entry_id)
        .select_related("document", "uploaded_by")
        .order_by("language", "-uploaded_at", "-pk")
    )


class EntryMixin(VerifiedRequiredMixin):
    """Resolves `self.entry` and its library from the URL, then lets in its readers."""

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is not None:
            return refused
        # Every entry's page asks it: its SQL compiled once per process (prepared_sql).
        found = prepared_objects("library.entry", _entry_with_places, int(self.kwargs["pk"]))
        self.entry = found[0] if found else None
        if self.entry is None:
            return not_found_or_refused(request)
        self.library = places.library_of(self.entry)
        if not places.may_read(request.user, self.library):
            return access.refusal(request, access.Verdict.REFUSE)
        return None


class EntryView(EntryMixin, View):
    """One document: its languages (the reader's first), each with its current version, a
    preview of a PDF, and the history of older versions; the form for a new version."""

    def get(self, request: HttpRequest, **kwargs) -> HttpResponse:
        return self.show(request, VersionForm())

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        if not places.may_upload(request.user, self.library):
            return access.refusal(request, access.Verdict.REFUSE)
        form = VersionForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.show(request, form, status=400)
        try:
            storing.add_version(self.entry, request.user, form.cleaned_data)
        except storing.SameFile:
            form.add_error("file", str(storing.SameFile.message))
            return self.show(request, form, status=400)
        except DocumentNotStored as error:
            messages.error(request, str(error))
            return self.show(request, form, status=503)
        messages.success(request, _("The new version was added; the earlier ones are kept."))
        return redirect("library:entry", pk=self.entry.pk)

    def show(self, request: HttpRequest, form, status: int = 200) -> HttpResponse:
        entry = self.entry
        versions = prepared_objects("library.entry_versions", _versions_of, entry.pk)
        tags = list(entry.tags.all())
        may_upload = places.may_upload(request.user, self.library)
        move_form = self.move_form(request.user)
        return render(
            request,
            "library/entry.html",
            {
                "library": self.library,
                "entry": entry,
                "tags": tags,
                "language_versions": grouped_by_language(versions, translation.get_language()),
                "may_upload": may_upload,
                "form": form,
                "form_html": version_form_html(form) if may_upload else "",
                "move_form": move_form,
                "move_field": move_form.field_html() if move_form is not None else "",
            },
            status=status,
        )

    def move_form(self, user, data=None) -> MoveEntryForm | None:
        targets = places.move_targets(user, self.library)
        if not targets:
            return None
        return MoveEntryForm(data, targets=targets)


class MoveEntryView(EntryView):
    """The DMR moves the entry, all its versions and language versions, to another library:
    from then on, the new library's readers read it, and only they. POST only."""

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is None and not places.may_move(request.user, self.library):
            return access.refusal(request, access.Verdict.REFUSE)
        return refused

    def get(self, request: HttpRequest, **kwargs) -> HttpResponse:
        return access.make_private(HttpResponseNotAllowed(["POST"]))

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        form = self.move_form(request.user, request.POST)
        target = form.chosen() if form is not None and form.is_valid() else None
        if target is None:
            messages.error(request, _("Choose the library to move this document to."))
            return self.show(request, VersionForm(), status=400)
        storing.move_entry(self.entry, target, request.user, request)
        messages.success(
            request,
            _("The document and all its files were moved to: %(library)s.")
            % {"library": target.title},
        )
        return redirect("library:entry", pk=self.entry.pk)


class PreviewView(VerifiedRequiredMixin, View):
    """A PDF version shown inline by the browser, through the same access rule as its
    download (the document's collection, then its owners), under a strict policy."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        version = (
            LibraryVersion.objects.select_related("document__collection").filter(pk=pk).first()
        )
        if version is None:
            return not_found_or_refused(request)
        document = version.document
        # The download's own rule: the collection's restriction, then every owner of the
        # file (the entry's library among them, `document_owners`).
        if access.document_verdict(request, document) is not access.Verdict.ALLOW:
            return access.refusal(request, access.Verdict.REFUSE)
        handle = document.file.storage.open(document.file.name, "rb")
        if not is_pdf(document, handle):
            handle.close()
            # Only a PDF is previewed; anything else is downloaded, as ever.
            return access.make_private(redirect(document.url))
        response = FileResponse(handle, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(False, document.filename)
        response["Content-Security-Policy"] = PREVIEW_POLICY
        response["X-Content-Type-Options"] = "nosniff"
        response["X-Frame-Options"] = "SAMEORIGIN"
        response["Cross-Origin-Resource-Policy"] = "same-origin"
        response._csp_exempt = True  # the policy above replaces the site's
        response.xframe_options_exempt = True  # SAMEORIGIN above, not the site's DENY
        return access.make_private(response)


def is_pdf(document, handle) -> bool:
    """A PDF by its name and by its first bytes (checked at upload, and again here)."""
    if document.file_extension.lower() != "pdf":
        return False
    head = handle.read(5)
    handle.seek(0)
    return head == b"%PDF-"


class UploadPolicyView(LibraryMixin, View):
    """The DMR lets the Focal Points add documents to a meeting's or a group's library (or
    stops them). POST only."""

    def refusal_for(self, request: HttpRequest) -> HttpResponse | None:
        refused = super().refusal_for(request)
        if refused is None and not places.may_set_policy(request.user, self.library):
            return access.refusal(request, access.Verdict.REFUSE)
        return refused

    def get(self, request: HttpRequest, **kwargs) -> HttpResponse:
        return access.make_private(HttpResponseNotAllowed(["POST"]))

    def post(self, request: HttpRequest, **kwargs) -> HttpResponse:
        form = UploadPolicyForm(request.POST)
        allowed = form.is_valid() and form.cleaned_data["focal_points_may_upload"]
        UploadPolicy.objects.update_or_create(
            page_id=self.library.page.pk,
            defaults={"focal_points_may_upload": allowed, "changed_by": request.user},
        )
        messages.success(
            request,
            _("Members may now add documents to this library.")
            if allowed
            else _("Only the DMR Secretariat may now add documents to this library."),
        )
        return redirect(self.library.url())
