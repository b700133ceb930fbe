"""Template tags other page templates include:

{% load community_tags %}
{% comments_for page %}     the members' comments of a commentable page, with the form
{% comment_rows rows %}     the comments of a listing (the block's, a thread's)
{% follow_button page %}    follow / stop following the page
{% network_dashboard %}     latest activity, the reader's groups and pending tasks
{% work_lists %}            what needs doing, per role (network home)
{% activity_rows entries %} {% work_items items %}   their rows (`dashboard_rows`)
{% group_rows groups %}     the thematic groups index's rows (`group_rows`)
"""

from django import template
from django.utils.safestring import SafeString

from network_pages.area_addresses import sub_path_parts
from network_pages.community import activity, dashboard_rows, group_rows, worklists
from network_pages.community.comments import audience, block, listing, markup, rules
from network_pages.community.comments.forms import new_comment_fields
from network_pages.community.comments.text import render_comment_text
from network_pages.community.notifications import is_following

register = template.Library()


register.simple_tag(dashboard_rows.activity_rows, name="activity_rows")
register.simple_tag(dashboard_rows.work_items, name="work_items")


@register.simple_tag(takes_context=True, name="group_rows")
def group_rows_tag(context: template.Context, groups) -> SafeString:
    return group_rows.group_rows(context.get("request"), groups)


@register.filter
def comment_text(text: str) -> SafeString:
    """A comment's plain text as HTML: escaped, with clickable links."""
    return render_comment_text(text or "")


@register.simple_tag(takes_context=True)
def comment_rows(context: template.Context, rows, show_all_link: bool = True) -> SafeString:
    """Every comment of a listing, threads with their replies (`comments/markup.py`): needs
    `comment_base` and `comment_parts` in the context, as the comment block and the thread
    view give."""
    return markup.render_rows(
        rows,
        comment_base=context["comment_base"],
        parts=context["comment_parts"],
        show_all_link=show_all_link,
        csrf_token=context.get("csrf_token") or "",
    )


@register.simple_tag(takes_context=True)
def comments_for(context: template.Context, page) -> SafeString:
    """The page's comment block (`comments/block.py`)."""
    return block.render_block(comment_block_values(context, page))


def comment_block_values(context: template.Context, page) -> dict:
    """What the comment block is written from, for this page and its reader."""
    request = context.get("request")
    # A preview of a page never saved has no comments, and nothing to follow yet.
    if request is None or page.pk is None or not rules.page_takes_comments(page):
        return {"show": False}
    user = request.user
    page_audience = audience.audience_of(page)
    if not page_audience.includes(user):
        # The page is open to this reader, its comments are not: say so, show none.
        return {"show": True, "may_read": False, "audience": page_audience}
    comments = listing.comment_listing(page, user, request.GET.get(listing.PAGE_PARAMETER))
    return {
        "show": True,
        "may_read": True,
        "audience": page_audience,
        "page": page,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "comments": comments,
        "page_parameter": listing.PAGE_PARAMETER,
        "comment_base": page.comments_base_url(request),
        "comment_parts": sub_path_parts(),
        "may_post": rules.may_post(user),
        "form_fields": new_comment_fields(),
        # Read with the page (a meeting's) or with its comments, else asked here.
        "following": kept.following
        if (kept := listing.facts_kept(page) or comments.facts) is not None
        else is_following(user, page),
    }


@register.inclusion_tag("community/notifications/_follow_button.html", takes_context=True)
def follow_button(context: template.Context, page, following=None) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {
        "show": True,
        "page": page,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "following": is_following(user, page) if following is None else following,
    }


def _dashboard_of(request) -> dict:
    user = request.user
    urls = activity.ReaderUrls.of(request)  # one alias lookup for the whole page
    # The groups first: their links wait with the work lists' for the activity's query of
    # pages, which looks up every link's page in the reader's language (one query for all).
    groups = activity.groups_of(user, urls=urls)
    return {
        "show": True,
        "activity": activity.network_activity_for(user, urls=urls),
        "groups": groups,
    }


@register.inclusion_tag("community/dashboard/_network_dashboard.html", takes_context=True)
def network_dashboard(context: template.Context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    # Read ahead by the work lists (once), or now.
    return request.__dict__.pop("_nfp_dashboard", None) or _dashboard_of(request)


@register.inclusion_tag("community/dashboard/_work_lists.html", takes_context=True)
def work_lists(context: template.Context) -> dict:
    """What needs doing for the reader's role: the first thing the network home shows."""
    request = context.get("request")
    user = getattr(request, "user", None)
    lists = worklists.work_lists_for(user, request)
    if user is not None and user.is_authenticated:
        # The dashboard below, read ahead: its URLs wait with the lists', so that one
        # lookup finds the aliases of both.
        request._nfp_dashboard = _dashboard_of(request)
    return {
        "lists": lists,
        "waiting": sum(work_list.action_count for work_list in lists if work_list.items),
    }
