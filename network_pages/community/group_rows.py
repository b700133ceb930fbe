"""The thematic groups index's rows written in Python (issue 17), with the markup
`thematic_group_index_page.html`'s loop wrote for them: each group's link, theme, status,
members and the reader's membership. Every value is escaped as the template's
`{{ value }}` escaped it; the URLs are Wagtail's (`{% pageurl %}`), built from each page's
url_path and the site's root once for all rows (`activity.page_urls`).
`tests/community/test_groups_index_as_before.py` compares the page with the template as it
was, for a Focal Point and the DMR, in English and French, with hostile titles."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .activity import page_urls
from .dashboard_rows import template_text
from .models.thematic_group_page import ThematicGroupPage
from .thematic_groups import GroupSummary


class _Words:
    """What every row writes the same, translated once per page (each status's label, as
    `get_status_display` gives it, cost ~0.1 ms a row: 44 groups at the network's size)."""

    def __init__(self) -> None:
        self.member = template_text(gettext("You are a member"))
        self.closed = template_text(gettext("Closed"))
        self.join = template_text(gettext("See the group and join"))
        choices = ThematicGroupPage.Status.choices
        self.statuses = {value: template_text(label) for value, label in choices}


def _row(group: GroupSummary, url: str, words: _Words) -> str:
    # The texts (title, theme, link) escaped as `{{ value }}` escapes a string; the count
    # localized as it localizes a number (`template_text`).
    page = group.page
    if group.is_member:
        membership = words.member
    elif page.status == "closed":
        membership = words.closed
    else:
        membership = f'<a href="{escape(url)}#membership-heading">{words.join}</a>'
    status = words.statuses.get(page.status)
    if status is None:  # a value outside the choices, as Django displays it
        status = template_text(page.get_status_display())
    return (
        "\n        <tr>"
        f'\n            <th scope="row"><a href="{escape(url)}">'
        f"{escape(page.title)}</a></th>"
        f"\n            <td>{escape(page.theme)}</td>"
        f"\n            <td>{status}</td>"
        f"\n            <td>{template_text(group.member_count)}</td>"
        f"\n            <td>{membership}</td>"
        "\n        </tr>\n    "
    )


def group_rows(request, groups: list[GroupSummary]) -> SafeString:
    """The `<tr>` of each group, as the index's `{% for group in groups %}` wrote them."""
    urls = page_urls(request, {index: group.page for index, group in enumerate(groups)})
    words = _Words()
    return mark_safe(  # noqa: S308 - every value is escaped above
        "".join(_row(group, urls[index], words) for index, group in enumerate(groups))
    )
