from django.urls import path

from network_pages.area_addresses import view_route

from . import places
from .views import (
    AddEntryView,
    AllLibrariesView,
    EntryView,
    LibraryView,
    MoveEntryView,
    PreviewView,
    UploadPolicyView,
)

# Mounted under /<lang>/ by nfp_site/urls.py, before Wagtail's pages.
app_name = "library"

MEETING, GROUP = places.Kind.MEETING, places.Kind.GROUP

urlpatterns = [
    path(view_route("library", ""), LibraryView.as_view(), name="network"),
    path(view_route("library", "add/"), AddEntryView.as_view(), name="network_add"),
    path(view_route("library", "all/"), AllLibrariesView.as_view(), name="all"),
    path(
        view_route("library", "meetings/<int:page_id>/"),
        LibraryView.as_view(kind=MEETING),
        name="meeting",
    ),
    path(
        view_route("library", "meetings/<int:page_id>/add/"),
        AddEntryView.as_view(kind=MEETING),
        name="meeting_add",
    ),
    path(
        view_route("library", "meetings/<int:page_id>/policy/"),
        UploadPolicyView.as_view(kind=MEETING),
        name="meeting_policy",
    ),
    path(
        view_route("library", "groups/<int:page_id>/"),
        LibraryView.as_view(kind=GROUP),
        name="group",
    ),
    path(
        view_route("library", "groups/<int:page_id>/add/"),
        AddEntryView.as_view(kind=GROUP),
        name="group_add",
    ),
    path(
        view_route("library", "groups/<int:page_id>/policy/"),
        UploadPolicyView.as_view(kind=GROUP),
        name="group_policy",
    ),
    path(view_route("library", "documents/<int:pk>/"), EntryView.as_view(), name="entry"),
    path(
        view_route("library", "documents/<int:pk>/move/"),
        MoveEntryView.as_view(),
        name="entry_move",
    ),
    path(
        view_route("library", "versions/<int:pk>/preview/"), PreviewView.as_view(), name="preview"
    ),
]
