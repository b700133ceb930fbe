"""Keep each meeting's guest access in step with the page (1.2).

Created: the meeting gets its guest group, its documents' collection and the restrictions
naming them, before anything is uploaded to it. Published: its external participants get
their guest accounts (and invitations), and people no longer listed lose the access;
everyone invited follows the meeting, and its first publication is announced to the network
(a notification each member tunes: immediately, in the digest, or not at all).
Deleted: its guest group goes too (its documents' collection stays, with its documents).
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from network_pages.community.notifications import Follow, Kind, follow_all, notify
from network_pages.meetings import outcomes, participants
from network_pages.meetings.models import CalendarFeed, MeetingAccess, MeetingPage
from network_pages.revocation import links_revoked
from nfp_site.operations.signals import email_failed, email_sent


def give_new_meeting_its_access(sender, instance: MeetingPage, created: bool, **kwargs) -> None:
    if created and instance.alias_of_id is None and not kwargs.get("raw"):
        participants.ensure_meeting_access(instance)


def admit_external_participants(sender, instance: MeetingPage, revision=None, **kwargs) -> None:
    if instance.alias_of_id is None:
        invited_by = revision.user if revision is not None else None
        participants.sync_external_participants(instance, invited_by=invited_by)


def announce_and_follow(sender, instance: MeetingPage, revision=None, **kwargs) -> None:
    if instance.alias_of_id is not None:
        return
    invited = [invitee.user_id for invitee in participants.invitees(instance) if invitee.user_id]
    follow_all(invited, instance, reason=Follow.Reason.INVITED)
    if instance.first_published_at == instance.last_published_at:  # its first publication
        notify(Kind.MEETING, instance, actor=revision.user if revision is not None else None)


def forget_deleted_meetings_guests(sender, instance: MeetingAccess, **kwargs) -> None:
    """A deleted meeting's guest group opens nothing any more: remove it too."""
    Group.objects.filter(pk=instance.guest_group_id).delete()


def revoke_calendar_feed(sender, user, **kwargs) -> None:
    """Issue 13, 8: the feed link stands for the member; it dies with their sessions, their
    second factor and their account. They can make a new one once signed in again."""
    CalendarFeed.objects.filter(user=user).delete()


def connect() -> None:
    links_revoked.connect(revoke_calendar_feed, dispatch_uid="meetings_revoke_calendar_feed")
    post_save.connect(
        give_new_meeting_its_access, sender=MeetingPage, dispatch_uid="meetings_access"
    )
    page_published.connect(
        admit_external_participants, sender=MeetingPage, dispatch_uid="meetings_guests"
    )
    page_published.connect(
        announce_and_follow, sender=MeetingPage, dispatch_uid="meetings_announce"
    )
    post_delete.connect(
        forget_deleted_meetings_guests, sender=MeetingAccess, dispatch_uid="meetings_forget"
    )
    email_sent.connect(outcomes.email_sent, dispatch_uid="meetings_email_sent")
    email_failed.connect(outcomes.email_failed, dispatch_uid="meetings_email_failed")
