"""Wiring only: pages of the public section say they may be cached (home.page_cache); the
admin's own stylesheet (home/static/nfp/admin.css); the dashboard's pages read at once
(nfp_site.admin_dashboard)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from home import page_cache, public_pages
from nfp_site import admin_dashboard


@hooks.register("before_serve_page", order=100)
def mark_public_pages_cacheable(page, request, serve_args, serve_kwargs):
    # After the network area's access rule (order -100), which marks what it guards as
    # restricted. A page of the public section's own types, outside every restricted
    # subtree (read from the cached restricted roots: no query), is the same for everyone.
    if page.specific_class._meta.app_label == "home" and public_pages.is_public(page):
        page_cache.mark_public(request)


@hooks.register("insert_global_admin_css")
def admin_css():
    # The admin on a phone (issue 16): wide tables scroll inside their own box.
    return format_html('<link rel="stylesheet" href="{}">', static("nfp/admin.css"))


# "Your most recent edits" in two queries, and the rows' privacy from the cache (issue 17).
hooks.register("construct_homepage_panels", admin_dashboard.read_dashboard_pages_at_once)
