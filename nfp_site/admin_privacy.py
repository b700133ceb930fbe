"""Whether a page is public, as Wagtail's admin asks it, without reading every restriction
(issue 17).

Wagtail's `test_page_is_public` tag (the status side panel's privacy, the dashboard's and the
listings' rows) reads the path of every `PageViewRestriction` once per request (75 at
network size, one more per meeting ever held) and keeps them on the request, then tests
each page against all of them. A page is private when it lies below one of them, that is
below one of the outermost ones, which the public pages already keep in the cache and
forget whenever a restriction or the tree changes (home.public_pages): handed to the tag
before it asks, they give the same answer with no query and two paths to test instead of
75.
"""

from django.http import HttpRequest

from home.public_pages import restricted_root_paths

# Where `wagtail.admin.templatetags.wagtailadmin_tags.test_page_is_public` keeps them.
REQUEST_ATTRIBUTE = "all_page_view_restriction_paths"


def read_restricted_roots_once(request: HttpRequest) -> None:
    if not hasattr(request, REQUEST_ATTRIBUTE):
        setattr(request, REQUEST_ATTRIBUTE, restricted_root_paths())
