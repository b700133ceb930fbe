"""Notifications: followers hear of new comments, authors of replies, everyone who may see a
new meeting, request or disseminated item of it; by their own choice (immediately, in the
daily digest, or not at all) and only while the access rule lets them see the page."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from network_pages.community import thematic_groups
from network_pages.community.comments.posting import post_comment
from network_pages.community.factories import make_update
from network_pages.community.models import (
    Notification,
    NotificationPreference,
    ThematicGroupUpdatePage,
)
from network_pages.community.notifications import Delivery, Kind, follow, notify
from network_pages.factories import make_member
from tests.smtp_support import SmtpSink

from .conftest import open_to_guests

pytestmark = pytest.mark.django_db

SECRET = "MARKER-comment-body-88aa"


def choose(user, kind: str, delivery: str) -> None:
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"delivery": delivery}
    )


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Background tasks run when the transaction commits (immediate backend)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def test_a_new_comment_emails_followers_who_chose_immediately_without_its_text(
    run_tasks, working_methods, focal_point, other_focal_point
):
    follow(other_focal_point, working_methods)
    choose(other_focal_point, Kind.COMMENT, Delivery.IMMEDIATE)

    run_tasks(post_comment, page=working_methods, author=focal_point, body=SECRET)

    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert message.to == [other_focal_point.email]
    assert message.subject == "[NFP] New comment on “Working methods”"
    assert "http://testserver/en/network/working-methods/#comment-" in message.body
    assert SECRET not in message.body and SECRET not in html
    assert Notification.objects.get().state == Notification.State.SENT


def test_the_author_of_a_comment_is_not_told_about_it(run_tasks, working_methods, focal_point):
    choose(focal_point, Kind.COMMENT, Delivery.IMMEDIATE)

    run_tasks(post_comment, page=working_methods, author=focal_point, body="Mine")
    run_tasks(post_comment, page=working_methods, author=focal_point, body="Mine again")

    assert mail.outbox == []


def test_a_reply_tells_the_author_replied_to_once(
    run_tasks, working_methods, focal_point, other_focal_point
):
    first, _ = post_comment(page=working_methods, author=focal_point, body="Question")

    run_tasks(
        post_comment, page=working_methods, author=other_focal_point, body="Answer", parent=first
    )

    [message] = mail.outbox
    assert message.to == [focal_point.email]
    assert "New reply to your comment" in message.subject


def test_nothing_is_sent_to_someone_who_chose_never(
    run_tasks, working_methods, focal_point, other_focal_point
):
    follow(other_focal_point, working_methods)
    choose(other_focal_point, Kind.COMMENT, Delivery.OFF)

    run_tasks(post_comment, page=working_methods, author=focal_point, body="Hello")

    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_followers_who_may_no_longer_see_the_page_get_nothing(
    run_tasks, private_group, focal_point, other_focal_point
):
    update = ThematicGroupUpdatePage.objects.child_of(private_group).get()
    thematic_groups.join(other_focal_point, private_group)
    follow(other_focal_point, update)
    choose(other_focal_point, Kind.COMMENT, Delivery.IMMEDIATE)
    thematic_groups.join(focal_point, private_group)
    thematic_groups.leave(other_focal_point, private_group)

    run_tasks(post_comment, page=update, author=focal_point, body="Members only")

    assert mail.outbox == []


def test_guests_are_never_emailed_about_comments(run_tasks, working_methods, focal_point, guest):
    guest.groups.add(open_to_guests(working_methods))
    follow(guest, working_methods)
    choose(guest, Kind.COMMENT, Delivery.IMMEDIATE)

    run_tasks(post_comment, page=working_methods, author=focal_point, body="Members' talk")

    assert mail.outbox == []


def test_a_new_page_reaches_everyone_who_may_see_it_and_no_one_else(
    run_tasks, private_group, focal_point, other_focal_point, approver, dmr_user, guest
):
    thematic_groups.join(focal_point, private_group)
    update = ThematicGroupUpdatePage.objects.child_of(private_group).get()
    for person in (focal_point, other_focal_point, approver, dmr_user, guest):
        choose(person, Kind.MEETING, Delivery.IMMEDIATE)

    run_tasks(notify, Kind.MEETING, update, actor=None)

    assert recipients() == sorted([focal_point.email, dmr_user.email])


def test_the_same_event_announced_twice_is_sent_once(run_tasks, working_methods, focal_point):
    choose(focal_point, Kind.REQUEST, Delivery.IMMEDIATE)

    run_tasks(notify, Kind.REQUEST, working_methods)
    run_tasks(notify, Kind.REQUEST, working_methods)

    assert len(mail.outbox) == 1


def test_emails_are_in_the_recipients_language(run_tasks, working_methods, dmr_user):
    french = make_member("claire", preferred_language="fr")
    choose(french, Kind.ITEM, Delivery.IMMEDIATE)

    run_tasks(notify, Kind.ITEM, working_methods, recipients=[french])

    [message] = mail.outbox
    assert "/fr/reseau/methodes-de-travail/" in message.body
    assert "/fr/notifications/" in message.body


def test_a_title_with_markup_is_escaped_in_the_html_email(run_tasks, working_methods, focal_point):
    working_methods.title = '<img src=x onerror="alert(1)">'
    working_methods.save_revision().publish()
    choose(focal_point, Kind.ITEM, Delivery.IMMEDIATE)

    run_tasks(notify, Kind.ITEM, working_methods, recipients=[focal_point])

    html = mail.outbox[0].alternatives[0][0]
    assert "<img" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_a_workspace_update_tells_the_groups_members(
    run_tasks, group, focal_point, other_focal_point
):
    thematic_groups.join(focal_point, group)
    choose(focal_point, Kind.GROUP_UPDATE, Delivery.IMMEDIATE)
    choose(other_focal_point, Kind.GROUP_UPDATE, Delivery.IMMEDIATE)

    run_tasks(make_update, group, "Minutes")

    assert recipients() == [focal_point.email]


# --- The daily digest ---------------------------------------------------------------


def test_digest_choices_wait_for_the_daily_digest(
    run_tasks, working_methods, focal_point, other_focal_point
):
    follow(other_focal_point, working_methods)  # comments come in the digest by default

    run_tasks(post_comment, page=working_methods, author=focal_point, body="One")

    assert mail.outbox == []
    assert Notification.objects.get().delivery == Delivery.DIGEST


def test_send_digests_sends_one_email_per_person_and_nothing_twice(
    run_tasks, working_methods, group, focal_point, other_focal_point, approver
):
    for person in (other_focal_point, approver):
        follow(person, working_methods)
        follow(person, group)
    for body in ("One", "Two", SECRET):
        run_tasks(post_comment, page=working_methods, author=focal_point, body=body)
    run_tasks(post_comment, page=group, author=focal_point, body="Three")

    call_command("send_digests")
    call_command("send_digests")

    assert recipients() == sorted([other_focal_point.email, approver.email])
    digest = next(message for message in mail.outbox if message.to == [approver.email])
    assert "4 notifications" in digest.subject
    assert "“Working methods” (3 new notifications)" in digest.body
    assert group.title in digest.body
    assert SECRET not in digest.body and SECRET not in digest.alternatives[0][0]
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}


def test_a_digest_leaves_out_pages_the_person_may_no_longer_see(
    run_tasks, private_group, working_methods, focal_point, other_focal_point
):
    update = ThematicGroupUpdatePage.objects.child_of(private_group).get()
    for person in (focal_point, other_focal_point):
        thematic_groups.join(person, private_group)
    follow(other_focal_point, update)
    follow(other_focal_point, working_methods)
    run_tasks(post_comment, page=update, author=focal_point, body="Private")
    run_tasks(post_comment, page=working_methods, author=focal_point, body="Open")
    thematic_groups.leave(other_focal_point, private_group)

    call_command("send_digests")

    [digest] = mail.outbox
    assert "Working methods" in digest.body
    assert "MARKER-private-update-title" not in digest.body
    assert Notification.objects.get(page=update).state == Notification.State.DROPPED


def test_an_immediate_email_that_failed_is_sent_by_the_next_digest_run(
    working_methods, focal_point, other_focal_point
):
    long_ago = timezone.now() - timedelta(minutes=30)
    for person in (focal_point, other_focal_point):
        Notification.objects.create(
            recipient=person,
            kind=Kind.REQUEST,
            page=working_methods,
            event_key="request:page:retry",
            delivery=Delivery.IMMEDIATE,
            created_at=long_ago,
        )
    other_focal_point.is_active = False
    other_focal_point.save()

    call_command("send_digests")

    assert recipients() == [focal_point.email]
    assert dict(Notification.objects.values_list("recipient__username", "state")) == {
        focal_point.username: Notification.State.SENT,
        other_focal_point.username: Notification.State.DROPPED,
    }


def test_send_digests_fails_while_smtp_is_down_and_a_rerun_sends_each_digest_once(
    run_tasks, working_methods, focal_point, other_focal_point, settings
):
    sink = SmtpSink()
    settings.NFP_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", sink.port, 2
    follow(other_focal_point, working_methods)
    run_tasks(post_comment, page=working_methods, author=focal_point, body="One")

    with pytest.raises(CommandError, match="1 digest email"):
        call_command("send_digests")  # nothing listens on the port yet

    sink.start()
    try:
        call_command("send_digests")
        call_command("send_digests")
    finally:
        sink.stop()
    assert sink.recipients == [other_focal_point.email]
