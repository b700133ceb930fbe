from django.urls import path  # noqa: F401

# Public URLs under /<lang>/ (search, feeds...), mounted by nfp_site/urls.py.
urlpatterns: list = []
