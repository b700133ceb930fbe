"""Who reads a page's comments: its comment audience, stated next to the thread and the
form, and enforced everywhere comments show (issue 13, 5; README "Comment audiences").

- Every commentable page: the members of the network who may see the page. Guests never
  read the members' comments, not even on the meeting they are invited to: the exchange
  is the Focal Points' (2.1 a, 4.5), and a member writing there must not be read by a
  guest without knowing it. The meeting page tells members that its guests do not read it.
- A members-only thematic group (its page and its workspace pages): the members of the
  group and the DMR Secretariat (4.8), even though every member may open the group's page.

A page type states its audience with the class attribute `fixed_comment_audience` (the
mixin's default: the network's members), or sets it to None and answers for many pages at
once with a `comment_audiences_of(pages)` class method (a fixed number of queries; types
that name the same function there are asked together); an alias has its source's audience.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from network_pages import access


@dataclass(frozen=True)
class CommentAudience:
    # Told to the readers, above the thread.
    readers_notice: Promise
    # Told to whoever sees the page but not its comments.
    others_notice: Promise
    # When set, only this group's members (and the DMR) read the comments.
    group_name: str | None = None

    def includes(self, user) -> bool:
        if not (user.is_authenticated and user.is_active and access.is_member(user)):
            return False
        if self.group_name is None or access.is_dmr(user):
            return True
        return self.group_name in access.group_names_of(user)


NETWORK_MEMBERS = CommentAudience(
    readers_notice=_(
        "Comments are read by the members of the network only (3.1): they are never "
        "published, nor sent by email."
    ),
    others_notice=_("Comments on this page are for the members of the network only."),
)

MEMBERS_NOT_GUESTS = CommentAudience(
    readers_notice=_(
        "Comments are read by the members of the network only: the guests invited to this "
        "meeting do not see them. They are never published, nor sent by email."
    ),
    others_notice=_(
        "Comments on this page are for the members of the network only: guests do not see them."
    ),
)


def group_members(group_name: str) -> CommentAudience:
    return CommentAudience(
        readers_notice=_(
            "Comments are read by the members of this group and the DMR Secretariat only: "
            "other members of the network do not see them. They are never published, nor "
            "sent by email."
        ),
        others_notice=_("This group's comments are for its members only."),
        group_name=group_name,
    )


def audiences_of(pages: Iterable[Page]) -> dict[int, CommentAudience]:
    """{page id: its comment audience}, a few queries per page type whatever the count."""
    found: dict[int, CommentAudience] = {}
    # Page types that answer with the same function (a static method) are asked together.
    by_answer: dict[Callable, list[Page]] = defaultdict(list)
    # Each page type looked up once (a page's `specific_class` is looked up per page).
    classes: dict[int, type[Page] | None] = {}
    for page in pages:
        if page.content_type_id not in classes:
            classes[page.content_type_id] = page.specific_class
        specific_class = classes[page.content_type_id]
        fixed = getattr(specific_class, "fixed_comment_audience", NETWORK_MEMBERS)
        if fixed is not None:
            found[page.pk] = fixed
        else:
            by_answer[specific_class.comment_audiences_of].append(page)
    for answer, some in by_answer.items():
        found.update(answer(some))
    return found


def audience_of(page: Page) -> CommentAudience:
    return audiences_of([page])[page.pk]


def may_read_comments(user, page: Page) -> bool:
    return audience_of(page).includes(user)
