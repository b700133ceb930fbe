"""Default answers to the questions the plugin asks the project (see `workflows.conf`).

They follow Wagtail's own view restrictions; a project with a stricter access rule (a
second factor, guests...) points the `WORKFLOWS_*` settings at its own functions.
"""

from wagtail.models import BaseViewRestriction, Page
from wagtail.users.models import UserProfile


def user_may_view_page(user, page: Page) -> bool:
    """Would Wagtail's view restrictions let this user see the page?"""
    if not user.is_active:
        return False
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == BaseViewRestriction.LOGIN:
            continue
        if restriction.restriction_type == BaseViewRestriction.GROUPS and (
            user.is_superuser or restriction.groups.filter(user=user).exists()
        ):
            continue
        return False
    return True


def is_restricted(obj) -> bool:
    """A page or document that not everyone may see."""
    if isinstance(obj, Page):
        return bool(obj.get_view_restrictions())
    collection = getattr(obj, "collection", None)
    return bool(collection is not None and collection.get_view_restrictions())


def recipient_language(user) -> str:
    return UserProfile.get_for_user(user).get_preferred_language()
