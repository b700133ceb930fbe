from django.urls import path

from network_pages.area_addresses import view_route

from .views import PollListView, PollView

# Mounted under /<lang>/ by nfp_site/urls.py, before Wagtail's pages; the route follows the
# language (network/... in English, reseau/... in French).
app_name = "date_polls"

urlpatterns = [
    path(view_route("date-polls"), PollListView.as_view(), name="list"),
    path(view_route("date-polls", "<int:pk>/"), PollView.as_view(), name="poll"),
]
