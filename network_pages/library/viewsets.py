"""The "Library" menu of the Wagtail admin: the DMR corrects an entry's details, or removes
an entry or a version (its files then go to "Removed documents", for the DMR only). Files
are added on the site, where the upload rules and checks apply; permissions are those this
app's data migration gives the DMR Secretariat (change, delete, view: never add)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Language, LibraryEntry, LibraryVersion


class LibraryEntryFilterSet(WagtailFilterSet):
    class Meta:
        model = LibraryEntry
        fields = ["member_state"]


class LibraryVersionFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Language.choices)

    class Meta:
        model = LibraryVersion
        fields = ["language"]


class LibraryEntryViewSet(ModelViewSet):
    model = LibraryEntry
    name = "library_entries"
    url_prefix = "library/documents"
    icon = "doc-full"
    form_fields = ["title", "description", "date", "member_state", "tags"]
    list_display = ["title", "meeting", "thematic_group", "date", "member_state"]
    filterset_class = LibraryEntryFilterSet
    search_fields = ["title", "description"]
    ordering = ["-date", "-pk"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True


class LibraryVersionViewSet(ModelViewSet):
    model = LibraryVersion
    name = "library_versions"
    url_prefix = "library/versions"
    icon = "history"
    form_fields = ["note"]
    list_display = ["entry", "language", "document", "uploaded_by", "uploaded_at"]
    filterset_class = LibraryVersionFilterSet
    search_fields = ["note"]
    ordering = ["-uploaded_at", "-pk"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True


class LibraryViewSetGroup(ViewSetGroup):
    menu_label = _("Library")
    menu_name = "library"
    menu_icon = "folder-open-inverse"
    menu_order = 570
    items = (LibraryEntryViewSet, LibraryVersionViewSet)
