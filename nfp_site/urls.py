from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from home import page_routing
from network_pages import views as network_views
from nfp_site.operations import views as operations_views

urlpatterns = [
    path("healthz", operations_views.healthz, name="healthz"),
    path("admin/login/", network_views.login_redirect),
    path("", include("home.root_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        network_views.no_shared_passwords,
    ),
    path("documents/", include("network_pages.document_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    # Images only: documents are confidential and always go through the serve view.
    urlpatterns += staticfiles_urlpatterns()
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder
        )

# Everything a reader sees lives under /en/ or /fr/; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("accounts/", include("network_pages.accounts.urls")),
    path("", include("home.urls")),
    path("", include("network_pages.meetings.urls")),
    path("", include("network_pages.information.urls")),
    path("", include("network_pages.community.urls")),
    path("", include("network_pages.search.urls")),
    path("", include("network_pages.decisions.urls")),
    path("", include("network_pages.date_polls.urls")),
    path("", include("network_pages.library.urls")),
    path("_util/login/", network_views.login_redirect),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        network_views.no_shared_passwords,
    ),
    # The page for a URL in a fixed number of queries (home.page_routing), then Wagtail's
    # own serve and hooks; Wagtail's include keeps its other URLs.
    re_path(wagtail_urls.serve_pattern, page_routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
