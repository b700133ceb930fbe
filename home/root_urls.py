from django.urls import path  # noqa: F401

# Public URLs outside the language prefix (sitemap.xml...), mounted by nfp_site/urls.py.
urlpatterns: list = []
