"""The comments of a page as its reader sees them: paginated, in a fixed number of queries."""

import math
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page

from network_pages.community.models.member_comment import MemberComment

from . import rules

PER_PAGE = 50  # top-level comments; their replies come with them
PAGE_PARAMETER = "comments-page"


def source_id(page: Page) -> int:
    return page.alias_of_id or page.pk


def author_label(comment: MemberComment) -> str:
    author = comment.author
    if author is None:
        return gettext("Former member")
    name = author.get_full_name() or author.get_username()
    try:
        profile = author.member_profile
    except ObjectDoesNotExist:
        return name
    if profile.member_state_id:
        return f"{name} ({profile.member_state.name})"
    if profile.function == profile.Function.SECRETARIAT:
        return f"{name} ({gettext('DMR Secretariat')})"
    return name


@dataclass
class ShownComment:
    """A comment with what this reader may see of it and do with it."""

    comment: MemberComment
    author: str
    show_text: bool
    may_edit: bool
    may_delete: bool
    may_reply: bool
    may_moderate: bool
    replies: list["ShownComment"] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.comment.pk


def _shown(comment: MemberComment, user, now) -> ShownComment:
    moderator = rules.may_moderate(user)
    return ShownComment(
        comment=comment,
        author=author_label(comment),
        show_text=not comment.is_deleted and (not comment.is_hidden or moderator),
        may_edit=rules.may_edit(user, comment, now),
        may_delete=rules.may_delete(user, comment),
        may_reply=rules.may_reply(user, comment),
        may_moderate=moderator and not comment.is_deleted,
    )


@dataclass
class CommentListing:
    threads: list[ShownComment]
    pagination: PaginatorPage
    total: int


def comment_listing(page: Page, user, page_number=None) -> CommentListing:
    """Three queries at most: both counts (top-level, and all), the top-level comments of one
    page of the listing, and their replies; one for a page without comments."""
    comments = MemberComment.objects.filter(page_id=source_id(page))
    counts = comments.aggregate(
        total=Count("pk"), top_level=Count("pk", filter=Q(parent__isnull=True))
    )
    paginator = Paginator(comments.top_level().with_people(), PER_PAGE)
    paginator.count = counts["top_level"]  # known already: the paginator need not count
    pagination = paginator.get_page(page_number)
    now = timezone.now()
    shown = pagination.object_list if counts["top_level"] else []
    threads = [_shown(comment, user, now) for comment in shown]
    by_id = {thread.pk: thread for thread in threads}
    if threads:
        for reply in comments.filter(parent_id__in=by_id).with_people():
            by_id[reply.parent_id].replies.append(_shown(reply, user, now))
    total = counts["total"] if threads else 0
    return CommentListing(threads=threads, pagination=pagination, total=total)


def listing_page_of(comment: MemberComment) -> int:
    """Which page of the listing shows this comment (or, for a reply, its parent)."""
    top = comment.parent if comment.parent_id else comment
    before = (
        MemberComment.objects.filter(page_id=top.page_id, parent__isnull=True)
        .filter(created_at__lte=top.created_at)
        .exclude(created_at=top.created_at, pk__gt=top.pk)
        .count()
    )
    return max(1, math.ceil(before / PER_PAGE))
