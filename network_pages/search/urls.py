from django.urls import path

from .views import NetworkSearchView

# Mounted under /<lang>/ by nfp_site/urls.py, before Wagtail's pages.
app_name = "network_search"

urlpatterns = [
    path("network/search/", NetworkSearchView.as_view(), name="search"),
]
