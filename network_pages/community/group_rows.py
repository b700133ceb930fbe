"""The thematic groups index's rows written in Python (issue 17), with the markup
`thematic_group_index_page.html`'s loop wrote for them: each group's link, theme, status,
members and the reader's membership. Every value is escaped as the template's
`{{ value }}` escaped it; the URLs are Wagtail's (`{% pageurl %}`), built from each page's
url_path and the site's root once for all rows (`activity.page_urls`).
`tests/community/test_groups_index_as_before.py` compares the page with the template as it
was, for a Focal Point and the DMR, in English and French, with hostile titles."""

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .activity import page_urls
from .dashboard_rows import template_text
from .thematic_groups import GroupSummary


def _row(group: GroupSummary, url: str) -> str:
    page = group.page
    if group.is_member:
        membership = template_text(gettext("You are a member"))
    elif page.status == "closed":
        membership = template_text(gettext("Closed"))
    else:
        join = template_text(gettext("See the group and join"))
        membership = f'<a href="{template_text(url)}#membership-heading">{join}</a>'
    return (
        "\n        <tr>"
        f'\n            <th scope="row"><a href="{template_text(url)}">'
        f"{template_text(page.title)}</a></th>"
        f"\n            <td>{template_text(page.theme)}</td>"
        f"\n            <td>{template_text(page.get_status_display())}</td>"
        f"\n            <td>{template_text(group.member_count)}</td>"
        f"\n            <td>{membership}</td>"
        "\n        </tr>\n    "
    )


def group_rows(request, groups: list[GroupSummary]) -> SafeString:
    """The `<tr>` of each group, as the index's `{% for group in groups %}` wrote them."""
    urls = page_urls(request, {index: group.page for index, group in enumerate(groups)})
    return mark_safe(  # noqa: S308 - every value is escaped above
        "".join(_row(group, urls[index]) for index, group in enumerate(groups))
    )
