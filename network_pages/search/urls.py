from django.urls import path

from network_pages.area_addresses import view_route

from .views import NetworkSearchView

# Mounted under /<lang>/ by nfp_site/urls.py, before Wagtail's pages; the route follows the
# language (network/... in English, reseau/... in French).
app_name = "network_search"

urlpatterns = [
    path(view_route("search"), NetworkSearchView.as_view(), name="search"),
]
