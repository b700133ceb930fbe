"""Who may do what with comments. Seeing the page is decided first, by the access rule.

- Read: whoever may see the page (the `before_serve_page` hook has already let them in).
  An invited guest (1.2) reads the comments of the pages opened to them.
- Post and reply: members of the network only (Focal Points, Network approvers, DMR);
  guests read but do not post (the working methods give the exchange to Focal Points,
  2.1 a, 4.5).
- Edit: the author, within 15 minutes of posting, while the comment is shown.
- Delete: the author, while the comment is not hidden (a hidden comment is a record).
- Hide and restore, with a reason: the DMR Secretariat (4.9).

A listing asks these once per request (`Reader.of(user)`) and then once per comment without
a query: what a comment allows depends on the reader's role, asked once, and on the comment.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from wagtail.models import Page

from network_pages import access, network_area
from network_pages.community.models.member_comment import MemberComment


def page_takes_comments(page: Page) -> bool:
    """Only restricted pages of the network area carry comments: never a public page."""
    from_page = getattr(page, "takes_member_comments", False)
    return bool(from_page) and network_area.is_in_network_area(page)


def may_post(user) -> bool:
    return access.is_verified(user) and access.is_member(user)


def may_moderate(user) -> bool:
    return access.is_verified(user) and access.is_dmr(user)


def is_author(user, comment: MemberComment) -> bool:
    return user.is_authenticated and comment.author_id == user.pk


@dataclass(frozen=True)
class Reader:
    """What one reader's role allows, asked once per request; then per comment, no query."""

    user_id: int | None
    may_post: bool
    may_moderate: bool
    now: datetime

    @classmethod
    def of(cls, user, now: datetime | None = None) -> "Reader":
        return cls(
            user_id=user.pk if user.is_authenticated else None,
            may_post=may_post(user),
            may_moderate=may_moderate(user),
            now=now or timezone.now(),
        )

    def is_author(self, comment: MemberComment) -> bool:
        return self.user_id is not None and comment.author_id == self.user_id

    def may_edit(self, comment: MemberComment) -> bool:
        return self.may_delete(comment) and self.now < comment.edit_deadline

    def may_delete(self, comment: MemberComment) -> bool:
        return (
            self.may_post
            and self.is_author(comment)
            and not comment.is_deleted
            and not comment.is_hidden
        )

    def may_reply(self, comment: MemberComment) -> bool:
        """A reply to a reply joins the same thread: replies stay one level deep."""
        return self.may_post and not comment.is_deleted and not comment.is_hidden

    def may_read_text(self, comment: MemberComment) -> bool:
        """A hidden comment's text is the DMR's record; a deleted one has none."""
        return not comment.is_deleted and (not comment.is_hidden or self.may_moderate)


def may_edit(user, comment: MemberComment, now=None) -> bool:
    return Reader.of(user, now).may_edit(comment)


def may_delete(user, comment: MemberComment) -> bool:
    return Reader.of(user).may_delete(comment)


def may_reply(user, comment: MemberComment) -> bool:
    return Reader.of(user).may_reply(comment)
