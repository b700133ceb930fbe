"""The DMR withdraws a page it made public (3.3), in every language, with a recorded reason."""

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page

from workflows import log_actions, tasks
from workflows.exceptions import ApprovalRefused
from workflows.gate import acting_as_system
from workflows.models import JointApprovalTask, PublicRelease


def current_release(page: Page) -> PublicRelease | None:
    """The release, still public, of this page or of one of its translations."""
    return (
        PublicRelease.objects.filter(page__translation_key=page.translation_key, withdrawn_at=None)
        .select_related("page")
        .first()
    )


RELEASED = "_nfp_released"


def annotate_released(pages: QuerySet) -> QuerySet:
    """For a listing whose rows are asked `is_released`: each page's answer in its query."""
    released = PublicRelease.objects.filter(
        page__translation_key=OuterRef("translation_key"), withdrawn_at=None
    )
    return pages.annotate(**{RELEASED: Exists(released)})


def is_released(user, page: Page) -> bool:
    """Whether the page (or a translation) is public through a release: from the listing's
    query (`annotate_released`), else one query per user object, so that page listings may
    ask for every row."""
    if RELEASED in page.__dict__:
        return page.__dict__[RELEASED]
    if not hasattr(user, "_workflows_released_keys"):
        user._workflows_released_keys = set(
            PublicRelease.objects.filter(withdrawn_at=None, page__isnull=False).values_list(
                "page__translation_key", flat=True
            )
        )
    return page.translation_key in user._workflows_released_keys


def may_withdraw(user, page: Page) -> bool:
    """The party that holds the precaution review (the DMR, whose website it is, 3.3) may
    take a public page offline at once, alone, saying why: withdrawing is the cautious
    direction. Both parties are told (see `notifications`). Wagtail's "Unpublish" stays
    closed (`workflows.gate`). One query per user object, so that listings may ask."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_workflows_may_withdraw"):
        group_ids = set(user.groups.values_list("pk", flat=True))
        user._workflows_may_withdraw = any(
            party.precaution_review and party.group_id in group_ids
            for task in JointApprovalTask.objects.filter(active=True)
            for party in task.get_parties()
        )
    return user._workflows_may_withdraw


@transaction.atomic
@acting_as_system("withdrawal")
def withdraw(release: PublicRelease, user, reason: str) -> list[Page]:
    """Unpublish the released page and all its translations; keep who, when and why."""
    release = PublicRelease.objects.select_for_update().get(pk=release.pk)
    if release.withdrawn_at is not None or release.page_id is None:
        raise ApprovalRefused(gettext("This page has already been withdrawn."))
    pages = [
        page.specific
        for page in release.page.get_translations(inclusive=True).order_by("locale_id")
    ]
    for page in pages:
        if page.live:
            UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
        log(instance=page, action=log_actions.WITHDRAW, user=user, data={"reason": reason})
    page_id, user_id = release.page_id, getattr(user, "pk", None)
    transaction.on_commit(lambda: tasks.notify_withdrawal.enqueue(page_id, user_id, reason))
    # Every language's release ends with it (each translation had its own joint approval).
    PublicRelease.objects.filter(
        page__translation_key=release.page.translation_key, withdrawn_at=None
    ).update(withdrawn_at=timezone.now(), withdrawn_by=user, withdrawal_reason=reason)
    return pages
