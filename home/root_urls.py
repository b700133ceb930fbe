from django.urls import path

from home.sitemap import sitemap

# Public URLs outside the language prefix, mounted by nfp_site/urls.py.
urlpatterns = [path("sitemap.xml", sitemap, name="sitemap")]
