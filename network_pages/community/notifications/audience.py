"""Who may hear of an event, before each person's preference and the access rule decide."""

from django.contrib.auth import get_user_model
from wagtail.models import Page

from network_pages.community.models.follow import Follow
from network_pages.community.models.membership import Membership
from network_pages.community.models.notification_preference import Kind

from .following import follower_ids

# Comments are members-only content: emails about them go to members of the network only,
# never to invited guests (who may read them on the pages opened to them). Guests hear of
# their meeting through its invitation and convocation, not as a network announcement.
MEMBERS_ONLY_KINDS = {Kind.COMMENT, Kind.REPLY, Kind.MEETING}


def _source(page: Page) -> Page:
    return page.alias_of if page.alias_of_id else page


def everyone_who_may_be_allowed(page: Page) -> set[int]:
    """Active users in a group that a restriction on the page (or above it) names; not
    members whose profile was made inactive (they have left the network's lists)."""
    restrictions = _source(page).get_view_restrictions()
    group_ids = restrictions.values_list("groups", flat=True)
    return set(
        get_user_model()
        .objects.filter(is_active=True, groups__in=group_ids)
        .exclude(member_profile__is_active=False)
        .values_list("pk", flat=True)
        .distinct()
    )


def group_audience(page: Page) -> set[int]:
    """A workspace update: the group's members and whoever follows the group or the page."""
    source = _source(page)
    group = source.get_parent()
    members = Membership.objects.filter(group_id=group.pk).values_list("user_id", flat=True)
    followers = Follow.objects.filter(page_id__in=[group.pk, source.pk], active=True)
    return set(members) | set(followers.values_list("user_id", flat=True))


def default_audience(kind: str, page: Page) -> set[int]:
    if kind == Kind.COMMENT:
        return set(follower_ids(page))
    if kind == Kind.REPLY:
        return set()  # the author of the comment replied to is named by the caller
    if kind == Kind.GROUP_UPDATE:
        return group_audience(page)
    # New meetings, requests and disseminated items: everyone who may see them.
    return everyone_who_may_be_allowed(page)
