from django.urls import path

from home import views
from home.feeds import NewsAndPublicationsFeed
from home.page_cache import public_view

# Public URLs under /<lang>/, mounted by nfp_site/urls.py before Wagtail's pages.
urlpatterns = [
    path("search/", views.search, name="search"),
    path("feed/", public_view(NewsAndPublicationsFeed()), name="feed"),
]
