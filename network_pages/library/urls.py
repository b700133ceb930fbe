from django.urls import path

from . import places
from .views import AddEntryView, EntryView, LibraryView, PreviewView, UploadPolicyView

# Mounted under /<lang>/ by nfp_site/urls.py, before Wagtail's pages.
app_name = "library"

MEETING, GROUP = places.Kind.MEETING, places.Kind.GROUP

urlpatterns = [
    path("network/library/", LibraryView.as_view(), name="network"),
    path("network/library/add/", AddEntryView.as_view(), name="network_add"),
    path(
        "network/library/meetings/<int:page_id>/", LibraryView.as_view(kind=MEETING), name="meeting"
    ),
    path(
        "network/library/meetings/<int:page_id>/add/",
        AddEntryView.as_view(kind=MEETING),
        name="meeting_add",
    ),
    path(
        "network/library/meetings/<int:page_id>/policy/",
        UploadPolicyView.as_view(kind=MEETING),
        name="meeting_policy",
    ),
    path("network/library/groups/<int:page_id>/", LibraryView.as_view(kind=GROUP), name="group"),
    path(
        "network/library/groups/<int:page_id>/add/",
        AddEntryView.as_view(kind=GROUP),
        name="group_add",
    ),
    path(
        "network/library/groups/<int:page_id>/policy/",
        UploadPolicyView.as_view(kind=GROUP),
        name="group_policy",
    ),
    path("network/library/documents/<int:pk>/", EntryView.as_view(), name="entry"),
    path("network/library/versions/<int:pk>/preview/", PreviewView.as_view(), name="preview"),
]
