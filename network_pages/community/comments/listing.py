"""The comments of a page as its reader sees them, in a fixed number of queries whatever
the number of comments (issue 17, 5).

- The page shows the newest `THREADS_PER_PAGE` threads, in the order they were posted (the
  newest just above the form), with a link to the older ones; each thread shows its latest
  `REPLIES_SHOWN` replies and says how many it has, with a link to the whole thread.
- A thread's own view shows all its replies, `REPLIES_PER_PAGE` at a time.

What the reader may do with each comment is asked once per request (`rules.Reader`), and the
listing renders every comment of a page in one loop (`rows_of`, `markup.render_rows`).
"""

from collections import namedtuple
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, DenseRank, RowNumber
from django.utils.translation import get_language, gettext
from wagtail.models import Page

from network_pages import network_area
from network_pages.community.models.follow import Follow
from network_pages.community.models.member_comment import LISTED_FIELDS, MemberComment
from network_pages.models import MemberProfile
from nfp_site.prepared_sql import prepared_rows
from nfp_site.window_pagination import asked_page_number

from . import rules

# 20 threads with their latest 3 replies: at most 80 comments on a page, a few screens to
# read, and the page's size bounded whatever the number of comments (a comment has at most
# 5,000 characters). Most pages have fewer: they show everything at once, as before.
THREADS_PER_PAGE = 20
REPLIES_SHOWN = 3
REPLIES_PER_PAGE = 50
PAGE_PARAMETER = "comments-page"
REPLIES_PAGE_PARAMETER = "replies-page"
NEWEST_FIRST = ("-created_at", "-pk")


def source_id(page: Page) -> int:
    return network_area.source_id(page)  # an alias or a translated section: its source


def author_label(comment: MemberComment) -> str:
    if hasattr(comment, "nfp_author_username"):
        return _author_label_of_columns(comment)
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
        secretariat = gettext("DMR Secretariat")
        return f"{name} ({secretariat})"
    return name


# What `author_label` reads of a comment's author, as columns of the comment's own row
# (`with_author_columns`, `_page_rows`): a listing of 80 comments made three more objects for each.
AUTHOR_COLUMNS = {
    "nfp_author_username": F("author__username"),
    "nfp_author_first_name": F("author__first_name"),
    "nfp_author_last_name": F("author__last_name"),
    "nfp_author_profile": F("author__member_profile__pk"),
    "nfp_author_function": F("author__member_profile__function"),
    "nfp_author_state": F("author__member_profile__member_state_id"),
    "nfp_author_state_en": F("author__member_profile__member_state__name_en"),
    "nfp_author_state_fr": F("author__member_profile__member_state__name_fr"),
}


def with_author_columns(comments: QuerySet) -> QuerySet:
    """The comments' own listed fields, and their authors' as columns (`author_label`)."""
    own = [name for name in LISTED_FIELDS if "__" not in name]
    return comments.only(*own).annotate(**AUTHOR_COLUMNS)


def _author_label_of_columns(comment: MemberComment, french: bool | None = None) -> str:
    """`author_label` of a comment read `with_author_columns` (or `_page_rows`): the same
    words, from the same values (`get_full_name`, `get_username`, `MemberState.name`);
    `french`: whether the active language is French, when the caller knows it."""
    if comment.author_id is None:
        return gettext("Former member")
    full_name = f"{comment.nfp_author_first_name} {comment.nfp_author_last_name}".strip()
    name = full_name or comment.nfp_author_username
    if comment.nfp_author_profile is None:
        return name
    if comment.nfp_author_state is not None:
        if french is None:
            french = (get_language() or "en").startswith("fr")
        state = comment.nfp_author_state_fr if french else comment.nfp_author_state_en
        return f"{name} ({state})"
    if comment.nfp_author_function == MemberProfile.Function.SECRETARIAT:
        secretariat = gettext("DMR Secretariat")
        return f"{name} ({secretariat})"
    return name


# What a page's listing reads of each comment (`_page_rows`), in its row's order: the comment's
# listed columns, its author's (`AUTHOR_COLUMNS`), its thread's rank and its place in it, its
# thread's size, the page's counts, and whether the reader follows the page (`CommentFacts`).
LISTED_COLUMNS = (
    "id",
    *(name for name in LISTED_FIELDS if "__" not in name),
    *AUTHOR_COLUMNS,
    "nfp_thread_rank",
    "nfp_place",
    "nfp_thread_size",
    "nfp_threads",
    "nfp_total",
    "nfp_following",
)


class ListedComment(namedtuple("ListedRow", LISTED_COLUMNS)):
    """A comment as a page's listing reads it: its row (`LISTED_COLUMNS`), answering what the
    listing, the rules (`rules.Reader`) and the markup ask of a `MemberComment`, with the
    model's own properties. Up to 80 per page: made from a tuple, where a model instance with
    its thirteen annotations cost more than the rest of the comment's work (issue 17)."""

    __slots__ = ()

    @property
    def pk(self) -> int:
        return self.id

    is_deleted = MemberComment.is_deleted
    is_hidden = MemberComment.is_hidden
    is_reply = MemberComment.is_reply
    edit_deadline = MemberComment.edit_deadline
    anchor = MemberComment.anchor


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
    # A thread's: all its replies, shown here or not.
    reply_count: int = 0

    @property
    def pk(self) -> int:
        return self.comment.pk

    @property
    def replies_not_shown(self) -> int:
        return self.reply_count - len(self.replies)


class AuthorLabels:
    """`author_label` for the comments of one listing: each author's written once (a page's
    80 comments have fewer authors), the active language read once."""

    def __init__(self) -> None:
        self.french = (get_language() or "en").startswith("fr")
        self._of_author: dict[int | None, str] = {}

    def __call__(self, comment) -> str:
        if not hasattr(comment, "nfp_author_username"):
            return author_label(comment)
        # One listing's rows: the same author has the same columns in each of them.
        label = self._of_author.get(comment.author_id)
        if label is None:
            label = _author_label_of_columns(comment, self.french)
            self._of_author[comment.author_id] = label
        return label


def shown(comment: MemberComment, reader: rules.Reader, labels=author_label) -> ShownComment:
    return ShownComment(
        comment=comment,
        author=labels(comment),
        show_text=reader.may_read_text(comment),
        may_edit=reader.may_edit(comment),
        may_delete=reader.may_delete(comment),
        may_reply=reader.may_reply(comment),
        may_moderate=reader.may_moderate and not comment.is_deleted,
    )


@dataclass(frozen=True)
class Row:
    """One comment in the page's single loop, with the list markup around it."""

    item: ShownComment
    thread: ShownComment
    is_reply: bool
    opens_replies: bool
    closes_thread: bool


def rows_of(threads: list[ShownComment]) -> Iterator[Row]:
    for thread in threads:
        yield Row(thread, thread, False, False, not thread.replies)
        last = len(thread.replies) - 1
        for number, reply in enumerate(thread.replies):
            yield Row(reply, thread, True, number == 0, number == last)


@dataclass
class CommentListing:
    # Makes the threads as this reader sees them (`threads`).
    make_threads: Callable[[], list[ShownComment]]
    pagination: PaginatorPage
    total: int
    # Read with the threads when the page has any (`_page_rows`), else None.
    facts: "CommentFacts | None" = None
    # Everything the rows' markup is written from but the words and links (`listing_key`);
    # None: not to be kept.
    kept_key: tuple | None = None

    @cached_property
    def threads(self) -> list[ShownComment]:
        """Made when first asked: a listing whose markup is kept (`markup.render_listing`)
        never needs them."""
        return self.make_threads()

    @property
    def rows(self) -> list[Row]:
        return list(rows_of(self.threads))

    @property
    def has_threads(self) -> bool:
        """Without making the threads: `total` is 0 exactly when this page shows none."""
        return bool(self.total)

    @property
    def older_threads(self) -> int:
        """Threads older than this page's, on the pages behind the "older" link."""
        shown_so_far = self.pagination.number * self.pagination.paginator.per_page
        return max(0, self.pagination.paginator.count - shown_so_far)


@dataclass(frozen=True)
class CommentFacts:
    """What a page's comment block reads besides its threads (whose counts come with the
    threads themselves): whether the reader follows the page."""

    following: bool


def facts_annotations(user_id: int | None) -> dict:
    """Annotations for a query that reads a commentable page's source anyway (a meeting's
    page reads it for its reader's facts): the `CommentFacts` of the signed-in user
    `user_id` (None: an anonymous reader), in that same query. Keep them on the page served
    with `keep_facts`; the comment block then reads no more."""
    following = (
        Exists(Follow.objects.filter(user_id=user_id, page_id=OuterRef("pk"), active=True))
        if user_id is not None
        else Value(False)
    )
    return {"nfp_following": following}


def keep_facts(page: Page, source: Page) -> None:
    """`source` was read with `facts_annotations`: `page` (the source or an alias of it)
    keeps them for its comment block."""
    page._nfp_comment_facts = CommentFacts(following=bool(source.nfp_following))


def facts_kept(page: Page) -> CommentFacts | None:
    return getattr(page, "_nfp_comment_facts", None)


def comment_listing(page: Page, user, page_number=None) -> CommentListing:
    """One query: one page of threads (newest first) with their latest replies and the
    counts (threads, all comments, each thread's replies) in the same rows (`_page_rows`).
    A page number past the last page (or below the first) costs two more: the counts
    first, then the page it leads to, as Django's `Paginator.get_page` answers."""
    page_id = source_id(page)
    number = asked_page_number(page_number)
    reader = rules.Reader.of(user)
    rows = _page_rows(page_id, number, reader.user_id) if number is not None else []
    facts = CommentFacts(following=bool(rows[0].nfp_following)) if rows else None
    if rows or number == 1:
        threads = [row for row in rows if row.parent_id is None]
        paginator = Paginator(threads, THREADS_PER_PAGE)
        # Known from the rows (the windows count before the page is cut).
        paginator.count = rows[0].nfp_threads if rows else 0
        total = rows[0].nfp_total if rows else 0
        pagination = PaginatorPage(threads, number, paginator)
        return CommentListing(
            make_threads=lambda: _shown_threads(threads, rows, reader),
            pagination=pagination,
            total=total if threads else 0,
            facts=facts,
            kept_key=listing_key(rows, reader),
        )
    else:
        comments = MemberComment.objects.filter(page_id=page_id)
        counts = comments.aggregate(
            total=Count("pk"), top_level=Count("pk", filter=Q(parent__isnull=True))
        )
        threads = comments.top_level().for_listing().order_by(*NEWEST_FIRST)
        paginator = Paginator(threads, THREADS_PER_PAGE)
        paginator.count = counts["top_level"]
        pagination = paginator.get_page(page_number)
        total = counts["total"]
        if counts["top_level"]:
            oldest_first = reversed(list(pagination.object_list))
            shown_threads = [shown(comment, reader) for comment in oldest_first]
            _attach_latest_replies(shown_threads, reader)
        else:
            shown_threads = []
    return CommentListing(
        make_threads=lambda: shown_threads,
        pagination=pagination,
        total=total if shown_threads else 0,
        facts=facts,
    )


def _shown_threads(
    threads: list[ListedComment], rows: list[ListedComment], reader: rules.Reader
) -> list[ShownComment]:
    labels = AuthorLabels()
    shown_threads = [shown(comment, reader, labels) for comment in threads]
    replies = [row for row in rows if row.parent_id is not None]
    _attach(shown_threads, replies, reader, labels)
    return shown_threads


# The reader's own column of a listed row: not part of what its markup is written from.
_WRITTEN_FROM = LISTED_COLUMNS.index("nfp_following")


def listing_key(rows: list[ListedComment], reader: rules.Reader) -> tuple | None:
    """Everything the markup of a listing read as `rows` (`_page_rows`) is written from,
    besides the words and the links (`markup.render_listing` adds them): every column of
    every row but the reader's own (the comments, their authors, their threads' sizes and
    the page's counts), and what this reader may see and do with each. That is the role's
    two rules, and for the reader's own comments which of them may still be edited (it
    changes with the time, `rules.Reader.may_edit`). None when the markup holds the
    reader's own CSRF token: the DMR's "Show again" form on a hidden comment."""
    if reader.may_moderate and any(row.is_hidden and not row.is_deleted for row in rows):
        return None
    user_id = reader.user_id
    own = (
        tuple((row.id, reader.may_edit(row)) for row in rows if row.author_id == user_id)
        if user_id is not None
        else ()
    )
    return (
        "community.listing",
        tuple(row[:_WRITTEN_FROM] for row in rows),
        reader.may_post,
        reader.may_moderate,
        own,
    )


def _page_rows(page_id: int, number: int, user_id: int | None) -> list[ListedComment]:
    """The threads of page `number` (newest first) and each one's latest `REPLIES_SHOWN`
    replies, oldest first, in one query: a thread and its replies share a rank among the
    threads (replies are one level deep: a reply's parent is its thread); within a thread
    the comment itself comes first, then its replies newest first. Each row carries the
    page's counts (`nfp_threads`, `nfp_total`), its thread's size (`nfp_thread_size`), and
    whether the reader `user_id` follows the page (`nfp_following`: no query of its own).
    Every commentable page asks it: its SQL is compiled once per process (`prepared_sql`)."""
    start = (number - 1) * THREADS_PER_PAGE
    # No account has the id 0: an anonymous reader follows nothing.
    reader = user_id if user_id is not None else 0
    rows = prepared_rows(
        "comments.page_rows", _page_rows_of, page_id, start, start + THREADS_PER_PAGE, reader
    )
    return [ListedComment._make(row) for row in rows]


def _page_rows_of(page_id: int, after: int, up_to: int, user_id: int) -> QuerySet:
    comments = MemberComment.objects.filter(page_id=page_id)
    thread = Coalesce(F("parent_id"), F("pk"))
    thread_created = Coalesce(F("parent__created_at"), F("created_at"))
    is_reply = Case(When(parent__isnull=True, then=Value(0)), default=Value(1))
    return (
        comments.annotate(**AUTHOR_COLUMNS)
        .annotate(
            nfp_thread_rank=Window(DenseRank(), order_by=[thread_created.desc(), thread.desc()]),
            nfp_place=Window(
                RowNumber(),
                partition_by=[thread],
                order_by=[is_reply.asc(), F("created_at").desc(), F("pk").desc()],
            ),
            nfp_thread_size=Window(Count("pk"), partition_by=[thread]),
            nfp_threads=Window(Sum(Case(When(parent__isnull=True, then=Value(1)), default=0))),
            nfp_total=Window(Count("pk")),
            nfp_following=Exists(
                Follow.objects.filter(user_id=user_id, page_id=page_id, active=True)
            ),
        )
        .filter(
            nfp_thread_rank__gt=after,
            nfp_thread_rank__lte=up_to,
            nfp_place__lte=REPLIES_SHOWN + 1,
        )
        # Oldest thread first (the newest just above the form), each with its replies.
        .order_by("-nfp_thread_rank", "nfp_place")
        .values_list(*LISTED_COLUMNS)
    )


def _attach(
    threads: list[ShownComment], replies: list[ListedComment], reader, labels: AuthorLabels
) -> None:
    """The replies read with their threads (`_page_rows`): newest first, shown oldest first."""
    by_id = {thread.pk: thread for thread in threads}
    for reply in reversed(replies):
        thread = by_id[reply.parent_id]
        thread.replies.append(shown(reply, reader, labels))
    for thread in threads:
        thread.reply_count = thread.comment.nfp_thread_size - 1


def _attach_latest_replies(threads: list[ShownComment], reader: rules.Reader) -> None:
    """One query: each thread's latest replies (a window over the page's threads only)."""
    by_id = {thread.pk: thread for thread in threads}
    if not by_id:
        return
    latest = (
        MemberComment.objects.filter(parent_id__in=by_id)
        .annotate(
            rank=Window(RowNumber(), partition_by=F("parent_id"), order_by=NEWEST_FIRST),
            thread_replies=Window(Count("pk"), partition_by=F("parent_id")),
        )
        .filter(rank__lte=REPLIES_SHOWN)
        .for_listing()
        .order_by("created_at", "pk")
    )
    for reply in latest:
        thread = by_id[reply.parent_id]
        thread.replies.append(shown(reply, reader))
        thread.reply_count = reply.thread_replies


@dataclass
class ThreadListing:
    thread: ShownComment
    pagination: PaginatorPage

    @property
    def rows(self) -> list[Row]:
        return list(rows_of([self.thread]))


def with_reply_count(comments: QuerySet) -> QuerySet:
    """Each comment with its number of replies (`reply_count`), in the same query."""
    count = (
        MemberComment.objects.filter(parent_id=OuterRef("pk"))
        .order_by()
        .values("parent_id")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return comments.annotate(reply_count=Coalesce(Subquery(count), 0))


def thread_listing(top: MemberComment, user, page_number=None) -> ThreadListing:
    """A whole thread, its replies oldest first, a page of them: one query, for a comment
    read `with_reply_count` (two without)."""
    reader = rules.Reader.of(user)
    thread = shown(top, reader)
    paginator = Paginator(top.replies.for_listing().order_by("created_at", "pk"), REPLIES_PER_PAGE)
    if hasattr(top, "reply_count"):
        paginator.count = top.reply_count  # known already: the paginator need not count
    pagination = paginator.get_page(page_number)
    thread.replies = [shown(reply, reader) for reply in pagination.object_list]
    thread.reply_count = paginator.count
    return ThreadListing(thread=thread, pagination=pagination)


def listing_page_of(comment: MemberComment) -> int:
    """Which page of the page's listing shows this thread (newest threads on page 1)."""
    top = comment.parent if comment.parent_id else comment
    newer = (
        MemberComment.objects.filter(page_id=top.page_id, parent__isnull=True)
        .filter(Q(created_at__gt=top.created_at) | Q(created_at=top.created_at, pk__gt=top.pk))
        .count()
    )
    return newer // THREADS_PER_PAGE + 1


def is_among_latest_replies(reply: MemberComment) -> bool:
    """Whether the page's listing shows this reply under its thread, or only the thread's view."""
    newer = (
        MemberComment.objects.filter(parent_id=reply.parent_id)
        .filter(
            Q(created_at__gt=reply.created_at) | Q(created_at=reply.created_at, pk__gt=reply.pk)
        )
        .count()
    )
    return newer < REPLIES_SHOWN


def thread_page_of(reply: MemberComment) -> int:
    """Which page of its thread's view shows this reply (oldest replies on page 1)."""
    before = (
        MemberComment.objects.filter(parent_id=reply.parent_id)
        .filter(
            Q(created_at__lt=reply.created_at) | Q(created_at=reply.created_at, pk__lt=reply.pk)
        )
        .count()
    )
    return before // REPLIES_PER_PAGE + 1
