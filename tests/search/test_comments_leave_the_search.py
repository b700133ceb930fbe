"""A comment that no longer shows leaves the members' search: deleted by its author (who erases
its text), hidden by the DMR. Every change of a comment is saved through the model, whose
`post_save` schedules the refresh of its entry once the change commits (`search.signals`), as
the worker would run it; a bulk `.update()` would skip it and leave the old text findable."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from network_pages.community.comments import posting
from network_pages.community.models import MemberComment
from network_pages.models import MemberState
from network_pages.search.models import SearchEntry
from tests.conftest import sign_in

from .conftest import body_of, search_url

pytestmark = pytest.mark.django_db

# Found nowhere else in the library: a search for it finds this comment or nothing.
WORD = "quokkaplatypus"
# The rest of its text, as a result's snippet shows it (the query's word is in the page's
# title and form whatever is found).
TEXT = "in the minutes"


def found_by(client, user) -> str:
    sign_in(client, user)
    return body_of(client.get(search_url(q=WORD)))


def assert_nobody_finds_it(client, comment, readers) -> None:
    for reader in readers:
        body = found_by(client, reader)
        assert TEXT not in body, reader
        assert f"#{comment.anchor}" not in body, reader
    assert not SearchEntry.objects.filter(kind=SearchEntry.Kind.COMMENT, source_id=comment.pk)
    assert not SearchEntry.objects.filter(body__icontains=WORD)
    if connection.vendor == "postgresql":
        # The table the search reads on PostgreSQL, kept by triggers on the entries; it
        # matches title || body (network_search 0007).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM network_search_searchtext "
                "WHERE kind = %s AND (entry_id IN (SELECT id FROM network_search_searchentry "
                "WHERE source_id = %s AND kind = %s) OR title || body @@ to_tsquery('simple', %s))",
                ["comment", comment.pk, "comment", WORD],
            )
            assert cursor.fetchone()[0] == 0


@pytest.fixture
def posted(library, focal_point, django_capture_on_commit_callbacks):
    """The Focal Point's comment on the meeting, posted and indexed."""
    with django_capture_on_commit_callbacks(execute=True):
        comment, _created = posting.post_comment(
            page=library["meeting"], author=focal_point, body=f"A {WORD} {TEXT}."
        )
    return comment


def test_a_posted_comment_is_found_by_its_readers(client, posted, focal_point, dmr_user):
    """The control: the word is found while the comment shows."""
    for reader in (focal_point, dmr_user):
        body = found_by(client, reader)
        assert TEXT in body and f"#{posted.anchor}" in body, reader


def test_a_comment_its_author_deleted_is_found_by_nobody(
    client, posted, focal_point, other_focal_point, dmr_user, django_capture_on_commit_callbacks
):
    sign_in(client, focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{posted.page.url}comments/{posted.pk}/delete/")
    assert response.status_code == 302
    posted.refresh_from_db()
    assert posted.is_deleted and posted.body == ""

    assert_nobody_finds_it(client, posted, [focal_point, other_focal_point, dmr_user])


def test_a_deleted_comment_leaves_the_search_before_the_worker_runs(
    client, posted, focal_point, other_focal_point, dmr_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        posting.delete_comment(posted)
    assert callbacks, "nothing scheduled: the worker would not tidy the entry"

    # The worker has not run (the callbacks were not executed): nobody finds it already.
    assert_nobody_finds_it(client, posted, [focal_point, other_focal_point, dmr_user])


def test_a_comment_the_dmr_hid_leaves_the_search_before_the_worker_runs(
    client, posted, focal_point, other_focal_point, dmr_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        posting.hide_comment(posted, by=dmr_user, reason="Personal data.")

    assert_nobody_finds_it(client, posted, [focal_point, other_focal_point, dmr_user])


def test_a_hidden_comment_restored_is_found_again_once_the_worker_runs(
    client, posted, focal_point, dmr_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        posting.hide_comment(posted, by=dmr_user, reason="Personal data.")
    with django_capture_on_commit_callbacks(execute=True):
        posting.restore_comment(posted, by=dmr_user)

    assert TEXT in found_by(client, focal_point)


def test_deleting_twice_changes_nothing_the_second_time(posted, django_capture_on_commit_callbacks):
    posting.delete_comment(posted)
    deleted_at = MemberComment.objects.get(pk=posted.pk).deleted_at

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        posting.delete_comment(posted)

    assert MemberComment.objects.get(pk=posted.pk).deleted_at == deleted_at
    assert not callbacks


def test_a_comment_the_dmr_hid_is_found_by_nobody(
    client, posted, focal_point, other_focal_point, dmr_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        posting.hide_comment(posted, by=dmr_user, reason="Personal data.")

    assert_nobody_finds_it(client, posted, [focal_point, other_focal_point, dmr_user])


def test_an_edited_comment_is_found_by_its_new_text_only(
    client, posted, focal_point, dmr_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        posting.edit_comment(posted, "A corrected remark on the minutes.")

    assert TEXT not in found_by(client, dmr_user)
    assert "remark on the minutes" in body_of(client.get(search_url(q="corrected")))


def test_a_deleted_authors_comment_no_longer_counts_for_their_state(
    posted, focal_point, django_capture_on_commit_callbacks
):
    """The author's account deleted: the comment stays, authorless (a `SET_NULL`, which
    Django writes as one bulk update and no `post_save`), so no state's filter finds it."""
    entry = SearchEntry.objects.get(kind=SearchEntry.Kind.COMMENT, source_id=posted.pk)
    assert entry.member_state_id == focal_point.member_profile.member_state_id

    with django_capture_on_commit_callbacks(execute=True):
        get_user_model().objects.filter(pk=focal_point.pk).delete()

    entry = SearchEntry.objects.get(kind=SearchEntry.Kind.COMMENT, source_id=posted.pk)
    assert entry.member_state_id is None


def test_a_member_who_now_represents_another_state_has_their_comments_filtered_by_it(
    posted, focal_point, django_capture_on_commit_callbacks
):
    profile = focal_point.member_profile
    germany = MemberState.objects.get(code="DE")
    assert profile.member_state_id != germany.pk

    with django_capture_on_commit_callbacks(execute=True):
        profile.member_state = germany
        profile.save()

    entry = SearchEntry.objects.get(kind=SearchEntry.Kind.COMMENT, source_id=posted.pk)
    assert entry.member_state_id == germany.pk


def test_a_profile_saved_without_a_new_state_refreshes_no_comment(
    posted, focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        focal_point.member_profile.save()
    assert not callbacks
