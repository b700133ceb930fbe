"""The DMR withdraws a page it made public (3.3), in every language, with a recorded reason."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page

from workflows import log_actions
from workflows.exceptions import ApprovalRefused
from workflows.models import PublicRelease


def current_release(page: Page) -> PublicRelease | None:
    """The release, still public, of this page or of one of its translations."""
    return (
        PublicRelease.objects.filter(page__translation_key=page.translation_key, withdrawn_at=None)
        .select_related("page")
        .first()
    )


def is_released(user, page: Page) -> bool:
    """Whether the page (or a translation) is public through a release; one query per user
    object, so that page listings may ask for every row."""
    if not hasattr(user, "_workflows_released_keys"):
        user._workflows_released_keys = set(
            PublicRelease.objects.filter(withdrawn_at=None, page__isnull=False).values_list(
                "page__translation_key", flat=True
            )
        )
    return page.translation_key in user._workflows_released_keys


def may_withdraw(user, page: Page) -> bool:
    return page.permissions_for_user(user).can_unpublish()


@transaction.atomic
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
    release.withdrawn_at = timezone.now()
    release.withdrawn_by = user
    release.withdrawal_reason = reason
    release.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    return pages
