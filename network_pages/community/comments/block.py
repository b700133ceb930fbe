"""A page's comment block (`{% comments_for page %}`), written in Python (issue 17).

The same markup, byte for byte, as community/comments/_comments.html and its follow button
(community/notifications/_follow_button.html) wrote: every commentable page (a request, a
meeting, a thematic group, the working methods) has one, and the template engine's nodes
cost about as much as the listing's rows written in `markup`. As in a template, a value is
escaped (`html.escape`, as Django's `escape`), the words of `{% translate %}` are not (they
are the catalogue's), and the rows come from `markup.render_rows`.
`tests/community/test_comment_block_as_before.py` compares both, byte for byte.
"""

from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from . import markup

SECTION = '<section class="comments" id="comments" aria-labelledby="comments-heading">'


def _words() -> dict[str, str]:
    """The block's words, as `{% translate %}` wrote them (not escaped: the catalogue's)."""
    return {
        "comments": gettext("Comments"),
        "newer": gettext("Show newer comments"),
        "none": gettext("No comments yet."),
        "add": gettext("Add a comment"),
        "post": gettext("Post comment"),
        "members_only": gettext("Only members of the network post comments here."),
        "you_follow": gettext("You follow this page: you are told about new comments."),
        "stop": gettext("Stop following"),
        "follow": gettext("Follow this page"),
    }


def render_block(values: dict) -> SafeString:
    """What `_comments.html` wrote from `values`, the context `comments_for` gives it."""
    if not values.get("show"):
        return mark_safe("\n")
    words = _words()
    audience = values["audience"]
    if not values.get("may_read"):
        return mark_safe(  # noqa: S308 - the notice escaped, the heading the catalogue's
            f"\n{SECTION}\n"
            f'    <h2 id="comments-heading">{words["comments"]}</h2>\n'
            f'    <p class="comments-notice">{escape(str(audience.others_notice))}</p>\n'
            "</section>\n\n"
        )
    comments = values["comments"]
    readers_notice = escape(str(audience.readers_notice))
    total = f" ({comments.total})" if comments.total else ""
    out = [
        f"\n{SECTION}\n",
        f'    <h2 id="comments-heading">{words["comments"]}{total}</h2>\n',
        f'    <p class="comments-notice" id="comments-audience">{readers_notice}</p>\n',
        f"    {_follow_button(values, words)}\n",
    ]
    if comments.has_threads:
        pagination = comments.pagination
        parameter = escape(str(values["page_parameter"]))
        out.append("    \n    ")
        if pagination.has_next():
            count = comments.older_threads
            older = ngettext(
                "Show older comments (%(count)s more thread)",
                "Show older comments (%(count)s more threads)",
                count,
            ) % {"count": count}
            out.append(
                "\n"
                f'    <p class="comments-older"><a href="?{parameter}='
                f'{pagination.next_page_number()}#comments">{older}</a></p>\n'
                "    "
            )
        rows = markup.render_listing(
            comments,
            comment_base=values["comment_base"],
            parts=values["comment_parts"],
            show_all_link=True,
            csrf_token=values.get("csrf_token") or "",
        )
        out.append(f"\n    {rows}\n    ")
        if pagination.has_previous():
            out.append(
                "\n"
                f'    <p class="comments-newer"><a href="?{parameter}='
                f'{pagination.previous_page_number()}#comments">'
                f"{words['newer']}</a></p>\n"
                "    "
            )
        out.append("\n    ")
    else:
        out.append(f"    \n    <p>{words['none']}</p>\n    ")
    out.append("\n\n    ")
    if values.get("may_post"):
        out.append(
            "\n"
            f'    <form method="post" action="{escape(str(values["comment_base"]))}" '
            'id="comment-form" class="comment-form" aria-labelledby="comment-form-heading" '
            'aria-describedby="comments-audience">\n'
            f'        <h3 id="comment-form-heading">{words["add"]}</h3>\n'
            f'        <p class="comment-form-audience">{readers_notice}</p>\n'
            f"        {markup.csrf_input(values.get('csrf_token'))}\n"
            f"        {values['form_fields']}\n"
            f'        <button type="submit">{words["post"]}</button>\n'
            "    </form>\n"
            "    "
        )
    else:
        out.append(f"\n    <p>{words['members_only']}</p>\n    ")
    out.append("\n</section>\n\n")
    # Safe: every value is escaped, the words are the catalogue's, the rows `markup`'s.
    return mark_safe("".join(out))  # noqa: S308


def _follow_button(values: dict, words: dict[str, str]) -> str:
    """`{% follow_button page following %}` (community_tags.follow_button and its
    template), for the block's reader."""
    request = values.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "\n"
    page = values["page"]
    title = escape(str(page.title))
    action = escape(reverse("community:follow", args=[page.pk]))
    lines = [
        f'<form method="post" action="{action}" class="follow-form">',
        f"    {markup.csrf_input(values.get('csrf_token'))}",
        f'    <input type="hidden" name="next" value="{escape(request.get_full_path())}">',
    ]
    if values["following"]:
        lines += [
            "    ",
            '    <input type="hidden" name="action" value="unfollow">',
            "    <p>" + words["you_follow"] + "\n"
            '    <button type="submit" class="link-button">'
            f'{words["stop"]}<span class="visually-hidden"> “{title}”</span>'
            "</button></p>",
        ]
    else:
        lines += [
            "    ",
            '    <input type="hidden" name="action" value="follow">',
            '    <p><button type="submit">'
            f'{words["follow"]}<span class="visually-hidden"> “{title}”</span>'
            "</button></p>",
        ]
    lines += ["    ", "</form>"]
    return "\n".join(lines) + "\n"
