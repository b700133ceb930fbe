from django.urls import path

from network_pages.area_addresses import view_route

from .views import ProgressView, RegisterExportView, RegisterView

# Mounted under /<lang>/ by nfp_site/urls.py, before Wagtail's pages; the route follows the
# language (network/... in English, reseau/... in French).
app_name = "decisions"

urlpatterns = [
    path(view_route("register"), RegisterView.as_view(), name="register"),
    path(
        view_route("register", "export.csv"), RegisterExportView.as_view(format="csv"), name="csv"
    ),
    path(
        view_route("register", "export.xlsx"),
        RegisterExportView.as_view(format="xlsx"),
        name="xlsx",
    ),
    path(
        view_route("register", "actions/<int:pk>/progress/"),
        ProgressView.as_view(),
        name="progress",
    ),
]
