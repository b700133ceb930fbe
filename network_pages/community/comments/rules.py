"""Who may do what with comments. Seeing the page is decided first, by the access rule.

- Read: whoever may see the page (the `before_serve_page` hook has already let them in).
  An invited guest (1.2) reads the comments of the pages opened to them.
- Post and reply: members of the network only (Focal Points, Network approvers, DMR);
  guests read but do not post (the working methods give the exchange to Focal Points,
  2.1 a, 4.5).
- Edit: the author, within 15 minutes of posting, while the comment is shown.
- Delete: the author, while the comment is not hidden (a hidden comment is a record).
- Hide and restore, with a reason: the DMR Secretariat (4.9).
"""

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


def may_edit(user, comment: MemberComment, now=None) -> bool:
    now = now or timezone.now()
    return (
        may_post(user)
        and is_author(user, comment)
        and not comment.is_deleted
        and not comment.is_hidden
        and now < comment.edit_deadline
    )


def may_delete(user, comment: MemberComment) -> bool:
    return (
        may_post(user)
        and is_author(user, comment)
        and not comment.is_deleted
        and not comment.is_hidden
    )


def may_reply(user, comment: MemberComment) -> bool:
    """A reply to a reply joins the same thread: replies stay one level deep."""
    return may_post(user) and not comment.is_deleted and not comment.is_hidden
