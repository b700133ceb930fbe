from django.urls import path  # noqa: F401

# Non-page URLs of this app (mounted under /<lang>/ by nfp_site/urls.py).
urlpatterns: list = []
