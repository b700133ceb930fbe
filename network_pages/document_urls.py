"""The document URLs, in front of Wagtail's (see `serve_document`)."""

from django.urls import re_path

from network_pages.views import serve_document

urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
]
