from django.urls import path

from .views import ProgressView, RegisterExportView, RegisterView

# Mounted under /<lang>/ by nfp_site/urls.py, before Wagtail's pages.
app_name = "decisions"

urlpatterns = [
    path("network/register/", RegisterView.as_view(), name="register"),
    path("network/register/export.csv", RegisterExportView.as_view(format="csv"), name="csv"),
    path("network/register/export.xlsx", RegisterExportView.as_view(format="xlsx"), name="xlsx"),
    path("network/register/actions/<int:pk>/progress/", ProgressView.as_view(), name="progress"),
]
