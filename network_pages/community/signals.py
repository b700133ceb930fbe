"""Signal receivers, connected in `apps.CommunityConfig.ready`."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from network_pages.community import thematic_groups
from network_pages.community.models import (
    Kind,
    Membership,
    ThematicGroupPage,
    ThematicGroupUpdatePage,
)
from network_pages.community.notifications import notify


def membership_changed(sender, instance: Membership, **kwargs) -> None:
    # Read the user again: when an account is deleted, its memberships go first.
    user = get_user_model().objects.filter(pk=instance.user_id).first()
    if user is not None:
        thematic_groups.sync_workspace_groups_of(user)


def group_deleted(sender, instance: ThematicGroupPage, **kwargs) -> None:
    thematic_groups.delete_workspace_group(instance)


def group_published(sender, instance: ThematicGroupPage, alias: bool = False, **kwargs) -> None:
    if not alias and not instance.alias_of_id:
        thematic_groups.sync_workspace(instance)


def update_published(
    sender, instance: ThematicGroupUpdatePage, revision=None, alias: bool = False, **kwargs
) -> None:
    """A new workspace update: its group hears of it (once, however often it is published)."""
    if alias or instance.alias_of_id:
        return
    thematic_groups.sync_workspace(instance.get_parent())
    notify(Kind.GROUP_UPDATE, instance, revision.user if revision else None)


def connect() -> None:
    post_save.connect(
        membership_changed, sender=Membership, dispatch_uid="community_membership_saved"
    )
    post_delete.connect(
        membership_changed, sender=Membership, dispatch_uid="community_membership_deleted"
    )
    post_delete.connect(
        group_deleted, sender=ThematicGroupPage, dispatch_uid="community_group_deleted"
    )
    page_published.connect(
        group_published, sender=ThematicGroupPage, dispatch_uid="community_group_published"
    )
    page_published.connect(
        update_published, sender=ThematicGroupUpdatePage, dispatch_uid="community_update_published"
    )
