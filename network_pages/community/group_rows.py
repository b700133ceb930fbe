"""The thematic groups index's rows written in Python (issue 17), with the markup
`thematic_group_index_page.html`'s loop wrote for them: each group's link, theme, status,
members and the reader's membership. Every value is escaped as the template's
`{{ value }}` escaped it; the URLs are Wagtail's (`{% pageurl %}`), built from each page's
url_path and the site's root once for all rows (`home.page_urls`).
`tests/community/test_groups_index_as_before.py` compares the page with the template as it
was, for a Focal Point and the DMR, in English and French, with hostile titles."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from home.page_urls import Address, page_urls
from nfp_site import fragments

from .dashboard_rows import template_text
from .models.thematic_group_page import ThematicGroupPage
from .thematic_groups import GroupRow


class _Words:
    """What every row writes the same, translated once per page (each status's label, as
    `get_status_display` gives it, cost ~0.1 ms a row: 44 groups at the network's size)."""

    def __init__(self) -> None:
        self.member = template_text(gettext("You are a member"))
        self.closed = template_text(gettext("Closed"))
        self.join = template_text(gettext("See the group and join"))
        choices = ThematicGroupPage.Status.choices
        self.statuses = {value: template_text(label) for value, label in choices}


def _row(group: GroupRow, url: str, words: _Words) -> str:
    # The texts (title, theme, link) escaped as `{{ value }}` escapes a string; the count
    # localized as it localizes a number (`template_text`).
    if group.is_member:
        membership = words.member
    elif group.status == "closed":
        membership = words.closed
    else:
        membership = f'<a href="{escape(url)}#membership-heading">{words.join}</a>'
    # A value outside the choices is displayed as it is (`get_status_display`).
    status = words.statuses.get(group.status)
    if status is None:
        status = template_text(group.status)
    return (
        "\n        <tr>"
        f'\n            <th scope="row"><a href="{escape(url)}">'
        f"{escape(group.title)}</a></th>"
        f"\n            <td>{escape(group.theme)}</td>"
        f"\n            <td>{status}</td>"
        f"\n            <td>{template_text(group.member_count)}</td>"
        f"\n            <td>{membership}</td>"
        "\n        </tr>\n    "
    )


def group_rows(request, groups: list[GroupRow]) -> SafeString:
    """The `<tr>` of each group, as the index's `{% for group in groups %}` wrote them.

    Each row is kept for the process (`fragments.kept_row`) under everything it is written
    from: the language (its words and the count's format), the group's URL and every value
    of the row, the reader's membership included. A reader is only ever given the row of
    what they were shown; a group renamed, joined or closed is another key."""
    urls = page_urls(
        request, {index: Address(group.id, group.url_path) for index, group in enumerate(groups)}
    )
    language = get_language()
    words = None

    def written(group: GroupRow, url: str) -> str:
        nonlocal words
        if words is None:
            words = _Words()
        return _row(group, url, words)

    return mark_safe(  # noqa: S308 - every value is escaped in `_row`
        "".join(
            fragments.kept_row(
                ("community.group_row", language, urls[index], *group[2:]),
                lambda group=group, url=urls[index]: written(group, url),
            )
            for index, group in enumerate(groups)
        )
    )
