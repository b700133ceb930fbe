"""The one gate (3.3): only the joint approval's release puts or changes content in the public
section, and only a withdrawal takes it out.

Pages of a *gated* type (`JointApprovalGated`: the public section's page types and the index
of publication drafts) answer Wagtail's permission questions through
`GatedPagePermissionTester`, which asks `refusal()` first. Every Wagtail door asks that
tester (the page editor, the action classes in `wagtail/actions/`, the admin API actions,
the bulk actions, wagtail-localize's editor), superusers included, so the rule holds by
construction rather than by hooks on some screens. `tests/workflows/test_action_inventory.py`
enumerates Wagtail's doors so that an upgrade adding one fails until it is classified here.

Behind the tester, `guard_live_content` refuses any save that would make a gated page live,
change its live content or take it offline, unless the system is acting (`acting_as_system`:
the release, a withdrawal, setting up the site) or the new live revision is one a joint
approval released (scheduled publishing of an approved revision).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Case, Exists, OuterRef, QuerySet, Value, When
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PagePermissionTester

from workflows.models import PublicRelease

# Doors that put content in the public section, change it or take it out.
PUBLISH = "publish"
PUBLISH_SUBPAGE = "publish_subpage"
UNPUBLISH = "unpublish"
UNSCHEDULE = "unschedule"
SET_VIEW_RESTRICTIONS = "set_view_restrictions"
REORDER = "reorder_children"
DELETE = "delete"
MOVE = "move"
COPY = "copy"
CREATE_ALIAS = "create_alias"
CONVERT_ALIAS = "convert_alias"
TRANSLATE_AS_ALIAS = "copy_for_translation_alias"
PUBLISH_TRANSLATIONS = "publish_translations"
# Doors that only make drafts: the gate lets them through (Wagtail's permissions still apply).
EDIT = "edit"
REVERT = "revert_to_revision"
SUBMIT = "submit_for_moderation"
COPY_FOR_TRANSLATION = "copy_for_translation"
LOCK = "lock"

PUBLISHES = _(
    "Only the joint approval of the network and the DMR makes content public or changes "
    "public content: save a draft and submit it to the joint approval."
)
WITHDRAW_INSTEAD = _(
    "A public page goes offline only by being withdrawn, with a reason that the network "
    "and the DMR receive: use “Withdraw from the public section”."
)
STARTS_AS_DRAFT = _(
    "New public content starts as a publication draft in the network area and reaches the "
    "public section through the joint approval."
)
STAYS_IN_PLACE = _(
    "Pages do not move into, out of or within the public section by hand: the joint "
    "approval moves an approved draft there."
)
NO_ALIAS = _(
    "The public section holds no aliases: each language version is a translation approved jointly."
)

_system: ContextVar[str | None] = ContextVar("workflows_system_action", default=None)


@contextmanager
def acting_as_system(why: str) -> Iterator[None]:
    """The release, a withdrawal or the site's setup: the only writers of live public pages."""
    token = _system.set(why)
    try:
        yield
    finally:
        _system.reset(token)


def system_action() -> str | None:
    return _system.get()


class JointApprovalGated:
    """Mixin for the page types whose publication belongs to the joint approval (3.3)."""

    # Publication drafts wait here; copying a page into it makes a draft, never a publication.
    holds_public_drafts = False

    def permissions_for_user(self, user):
        return GatedPagePermissionTester(user, self)


def is_gated(page: Page | None) -> bool:
    if page is None:
        return False
    model = page.specific_class or type(page)
    return issubclass(model, JointApprovalGated)


def _holds_drafts(page: Page) -> bool:
    model = page.specific_class or type(page)
    return bool(getattr(model, "holds_public_drafts", False))


# Set on the page explorer's rows by `annotate_live_descendants` (one query for the listing).
LIVE_DESCENDANTS = "_nfp_has_live_descendants"


def annotate_live_descendants(pages: QuerySet) -> QuerySet:
    """For a listing whose rows are asked `can_delete`: each page's answer in its query."""
    # A descendant's path is the page's followed by more steps of the tree's alphabet
    # (digits and capitals, all before "~"): the range between the path and the path
    # followed by "~" is exactly the descendants, read from the path's index, where a LIKE
    # on the outer row's path is tested against every page (~0.6 ms a row at network
    # size). A page without children (most rows of a listing) is not looked into at all.
    descendants = Page.objects.filter(
        path__gt=OuterRef("path"), path__lt=Concat(OuterRef("path"), Value("~")), live=True
    )
    return pages.annotate(
        **{
            LIVE_DESCENDANTS: Case(
                When(numchild=0, then=Value(False)),
                default=Exists(descendants),
                output_field=BooleanField(),
            )
        }
    )


def _has_live_pages(page: Page) -> bool:
    if page.live:
        return True
    if hasattr(page, LIVE_DESCENDANTS):
        return getattr(page, LIVE_DESCENDANTS)
    return page.get_descendants().filter(live=True).exists()


def refusal(user, page: Page, action: str, destination: Page | None = None) -> str | None:
    """Why nobody, `user` included (superusers too), may do `action` on `page` by hand, or
    into `destination`; None when the gate has no objection (Wagtail's permissions apply)."""
    gated = is_gated(page)
    if action in (PUBLISH, PUBLISH_SUBPAGE, SET_VIEW_RESTRICTIONS, REORDER, PUBLISH_TRANSLATIONS):
        return str(PUBLISHES) if gated else None
    if action in (UNPUBLISH, UNSCHEDULE):
        return str(WITHDRAW_INSTEAD) if gated else None
    if action == DELETE:
        return str(WITHDRAW_INSTEAD) if gated and _has_live_pages(page) else None
    if action == MOVE:
        return str(STAYS_IN_PLACE) if gated or is_gated(destination) else None
    if action == COPY:
        if is_gated(destination) and not _holds_drafts(destination):
            return str(STARTS_AS_DRAFT)
        return None
    if action == CREATE_ALIAS:
        return str(NO_ALIAS) if gated or is_gated(destination) else None
    if action in (CONVERT_ALIAS, TRANSLATE_AS_ALIAS):
        return str(NO_ALIAS) if gated else None
    if action in (EDIT, REVERT, SUBMIT, COPY_FOR_TRANSLATION, LOCK):
        return None
    # A door nobody classified is closed on gated pages.
    return str(PUBLISHES) if gated or is_gated(destination) else None


def check(user, page: Page, action: str, destination: Page | None = None) -> None:
    """Raise PermissionDenied with the reason when the gate refuses."""
    reason = refusal(user, page, action, destination)
    if reason:
        raise PermissionDenied(reason)


class GatedPagePermissionTester(PagePermissionTester):
    """Wagtail's permission tester, with the gate asked first (superusers included)."""

    def _allowed(self, action: str, destination: Page | None = None) -> bool:
        return refusal(self.user, self.page, action, destination) is None

    def can_publish(self):
        return self._allowed(PUBLISH) and super().can_publish()

    def can_publish_subpage(self):
        return self._allowed(PUBLISH_SUBPAGE) and super().can_publish_subpage()

    def can_unpublish(self):
        return self._allowed(UNPUBLISH) and super().can_unpublish()

    def can_unschedule(self):
        return self._allowed(UNSCHEDULE) and super().can_unschedule()

    def can_set_view_restrictions(self):
        return self._allowed(SET_VIEW_RESTRICTIONS) and super().can_set_view_restrictions()

    def can_reorder_children(self):
        return self._allowed(REORDER) and super().can_reorder_children()

    def can_delete(self, ignore_bulk=False):
        return self._allowed(DELETE) and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return self._allowed(MOVE) and super().can_move()

    def can_move_to(self, destination):
        return self._allowed(MOVE, destination) and super().can_move_to(destination)

    def can_copy_to(self, destination, recursive=False):
        return self._allowed(COPY, destination) and super().can_copy_to(destination, recursive)

    def can_withdraw(self) -> bool:
        """Wagtail's own unpublish rule, without the gate: who may take the page offline
        through the withdrawal (with a reason), never through "Unpublish"."""
        return super().can_unpublish()


# Fields that a save may change on a live gated page without touching what the public sees.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "wagtail_admin_comments",
        "comments",
    }
)


def guard_live_content(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """pre_save of every page: nothing but the system writes what a gated page shows."""
    if raw or not isinstance(instance, JointApprovalGated) or system_action():
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    stored = (
        Page.objects.filter(pk=instance.pk).values("live", "live_revision_id").first()
        if instance.pk
        else None
    )
    was_live = bool(stored and stored["live"])
    if not instance.live and not was_live:
        return  # a draft: not public before, not public after
    if instance.live and instance.live_revision_id and _released(instance):
        return  # scheduled publishing of a revision that a joint approval released
    raise PermissionDenied(str(WITHDRAW_INSTEAD if was_live and not instance.live else PUBLISHES))


def _released(page: Page) -> bool:
    return PublicRelease.objects.filter(
        revision_id=page.live_revision_id, withdrawn_at=None
    ).exists()
