"""The notification settings page's followed pages, read as rows and written in Python.

Same markup as the template loop they replace (community/notifications/settings.html's
`{% for item in follows %}` with its `{% pageurl %}`, `get_reason_display`, `|date`,
`{% url %}`, `{% csrf_token %}` and two `{% translate %}` per row): a Focal Point follows
a few dozen pages at the network's size, the DMR none, and the template engine made the
Focal Point's page cost twice the DMR's (issue 17). The follows are read with their pages'
columns that the access rule and the links need, not every column of both. Every value is
plain text, escaped as Django's `escape` does (the standard library's `html.escape`,
quotes included); the words are translated once per page. The CSRF token is the request's
own: these rows are never kept. `tests/community/test_notification_settings_html.py`
compares both, byte for byte."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from html import escape

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from wagtail.models import Page

from network_pages.community.comments.markup import csrf_input
from network_pages.community.models import Follow
from network_pages.date_text import formatter_for
from nfp_site.operations.model_loading import in_field_order, page_from_row

# What the access rule (`visibility.pages_readable_by`) and the link (`activity.page_urls`)
# read of a followed page, in the order of its fields.
PAGE_FIELDS = in_field_order(Page, ("id", "path", "live", "title", "url_path", "alias_of_id"))


@dataclass
class FollowedPage:
    """A row of the listing: the follow's own columns and its page (`page_url` set later)."""

    pk: int
    reason: str
    created_at: datetime
    page: Page
    page_url: str = ""

    @property
    def page_id(self) -> int:
        return self.page.pk


class FollowedRows:
    """The active follows of a user, newest first, for a `Paginator`: counted without their
    pages (the count needs no join), each page of the listing read as rows of the follows'
    and their pages' columns (`followed_page` makes them up)."""

    def __init__(self, user) -> None:
        self.follows = Follow.objects.filter(user=user, active=True)

    def count(self) -> int:
        return self.follows.count()

    def __getitem__(self, bounds: slice) -> list[tuple]:
        rows = self.follows.values_list(
            "pk",
            "reason",
            "created_at",
            *(f"page__{name}" for name in PAGE_FIELDS),
            "page__alias_of__path",
        )
        return list(rows[bounds])


def followed_page(row: tuple) -> FollowedPage:
    pk, reason, created_at, *page_values, source_path = row
    page = page_from_row(PAGE_FIELDS, page_values)
    # As `visibility.with_source_path` reads it: an alias's restrictions are its source's.
    page.source_path = source_path
    return FollowedPage(pk=pk, reason=reason, created_at=created_at, page=page)


class _Words:
    def __init__(self) -> None:
        self.reasons = {value: escape(str(label)) for value, label in Follow.Reason.choices}
        self.stop_following = gettext("Stop following")
        self.write_date = formatter_for("DATE_FORMAT")


# Where each row's form is sent: the route reversed once, this id replaced by the page's.
_PLACEHOLDER_ID = 2_147_483_647


def rows_html(follows: Iterable[FollowedPage], *, csrf_token, next_path: str) -> SafeString:
    """The table rows of `follows`, each with its form to stop following the page, sent
    with `csrf_token` and back to `next_path` (the page's path and query)."""
    words = _Words()
    action = reverse("community:follow", args=[_PLACEHOLDER_ID])
    before, after = (escape(part) for part in action.split(str(_PLACEHOLDER_ID)))
    hidden = (
        csrf_input(csrf_token)
        + '<input type="hidden" name="action" value="unfollow">'
        + f'<input type="hidden" name="next" value="{escape(next_path)}">'
    )
    rows = []
    for item in follows:
        title = escape(item.page.title)
        reason = words.reasons.get(item.reason)
        if reason is None:
            reason = escape(str(item.reason))
        since = escape(words.write_date(timezone.localtime(item.created_at)))
        rows.append(
            "\n            <tr>\n"
            f'                <th scope="row"><a href="{escape(item.page_url)}">{title}</a></th>\n'
            f"                <td>{reason}</td>\n"
            f"                <td>{since}</td>\n"
            f'                <td><form method="post" action="{before}{item.page_id}{after}"'
            f' class="inline-form">{hidden}<button type="submit" class="link-button">'
            f"{words.stop_following}"
            f'<span class="visually-hidden"> “{title}”</span></button></form></td>\n'
            "            </tr>\n        "
        )
    return SafeString("".join(rows))
