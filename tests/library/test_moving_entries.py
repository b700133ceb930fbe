"""Issue 18: the DMR moves a library entry to another library (network, meeting, thematic
group) with every version and language version; access follows the new library at once,
both ways, the move is all or nothing, and it is audited."""

import pytest
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry

from network_pages import audit
from network_pages.area_addresses import localized
from network_pages.library import places, storing
from network_pages.library.factories import add_version, make_entry, text_file
from network_pages.library.models import LibraryEntry
from tests.conftest import sign_in
from tests.search.conftest import body_of, search_url

pytestmark = pytest.mark.django_db


def move_url(entry, language: str = "en") -> str:
    return localized(f"/{language}/network/library/documents/{entry.pk}/move/")


def entry_url(entry) -> str:
    return f"/en/network/library/documents/{entry.pk}/"


def bilingual_entry(library, dmr_user, title="Report on reception"):
    entry = make_entry(library, dmr_user, title=title, upload=text_file("en.txt", f"{title} EN"))
    add_version(entry, dmr_user, language="en", upload=text_file("en2.txt", f"{title} EN 2"))
    add_version(entry, dmr_user, language="fr", upload=text_file("fr.txt", f"{title} FR"))
    return entry


def documents_of(entry) -> list:
    return [version.document for version in entry.versions.select_related("document")]


def downloaded(client, url: str) -> int:
    """The download's status; a file served is read to its end (never closed by hand)."""
    response = client.get(url)
    if response.status_code == 200:
        b"".join(response.streaming_content)
    return response.status_code


def reads(user, entry) -> bool:
    """May `user` open the entry and download every one of its files?"""
    client = sign_in(Client(), user)
    opened = client.get(entry_url(entry)).status_code
    downloads = {downloaded(client, document.url) for document in documents_of(entry)}
    if opened == 200 and downloads == {200}:
        return True
    assert opened == 403 and downloads == {403}, (opened, downloads)
    return False


def test_a_guest_gains_a_network_document_moved_into_their_meeting(
    libraries, dmr_user, expert, focal_point
):
    entry = bilingual_entry(places.NETWORK, dmr_user)
    assert not reads(expert, entry)

    response = sign_in(Client(), dmr_user).post(
        move_url(entry), {"target": f"meeting-{libraries['meeting'].page.pk}"}
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.meeting_id == libraries["meeting"].page.pk
    collection = places.collection_for(libraries["meeting"])
    assert {document.collection_id for document in documents_of(entry)} == {collection.pk}
    assert len(documents_of(entry)) == 3
    assert reads(expert, entry)
    assert reads(focal_point, entry)


def test_readers_of_the_old_meeting_lose_a_document_moved_to_a_private_group(
    libraries, dmr_user, expert, focal_point, other_focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = bilingual_entry(libraries["meeting"], dmr_user, title="Walrusology annex")
    assert reads(expert, entry) and reads(other_focal_point, entry)

    with django_capture_on_commit_callbacks(execute=True):
        response = sign_in(Client(), dmr_user).post(
            move_url(entry, "fr"), {"target": f"group-{libraries['private group'].page.pk}"}
        )

    assert response.status_code == 302
    assert not reads(expert, entry)
    assert not reads(other_focal_point, entry)
    assert reads(focal_point, entry)  # a member of the group
    # The search follows: the group's member finds it there, the others no longer do.
    outside = body_of(sign_in(Client(), other_focal_point).get(search_url(q="walrusology")))
    inside = body_of(sign_in(Client(), focal_point).get(search_url(q="walrusology")))
    assert "Walrusology annex" not in outside
    assert f'href="{entry_url(entry)}"' in inside


def test_a_move_is_audited_with_its_libraries_and_files(libraries, dmr_user):
    entry = bilingual_entry(libraries["open group"], dmr_user)
    sign_in(Client(), dmr_user).post(move_url(entry), {"target": "network"})

    log = ModelLogEntry.objects.get(action=audit.LIBRARY_ENTRY_MOVED)
    assert log.user_id == dmr_user.pk
    assert log.data["source"] == f"group-{libraries['open group'].page.pk}"
    assert log.data["target"] == "network"
    assert sorted(log.data["documents"]) == sorted(d.pk for d in documents_of(entry))


def test_a_failure_half_way_moves_nothing(libraries, dmr_user, monkeypatch):
    entry = bilingual_entry(places.NETWORK, dmr_user)
    before = {document.pk: document.collection_id for document in documents_of(entry)}
    saved = []
    original_save = get_document_model().save

    def failing_save(document, *args, **kwargs):
        saved.append(document.pk)
        if len(saved) == 2:
            raise OSError("storage went away")
        return original_save(document, *args, **kwargs)

    monkeypatch.setattr(get_document_model(), "save", failing_save)
    with pytest.raises(OSError):
        storing.move_entry(entry, libraries["private group"], dmr_user)
    monkeypatch.undo()

    entry = LibraryEntry.objects.get(pk=entry.pk)
    assert entry.meeting_id is None and entry.thematic_group_id is None
    assert {d.pk: d.collection_id for d in documents_of(entry)} == before
    assert not ModelLogEntry.objects.filter(action=audit.LIBRARY_ENTRY_MOVED).exists()


def test_only_the_dmr_moves_an_entry_and_only_the_dmr_is_offered_the_form(
    libraries, dmr_user, focal_point, expert
):
    entry = bilingual_entry(libraries["meeting"], dmr_user)
    target = {"target": "network"}
    for user in (focal_point, expert):
        client = sign_in(Client(), user)
        assert "Move to another library" not in body_of(client.get(entry_url(entry)))
        assert client.post(move_url(entry), target).status_code == 403
    assert Client().post(move_url(entry), target).status_code == 302  # to the sign-in
    assert (
        sign_in(Client(), dmr_user, verified=False)
        .post(move_url(entry), target)["Location"]
        .startswith("/en/accounts/verify/")
    )
    entry.refresh_from_db()
    assert entry.meeting_id == libraries["meeting"].page.pk

    page = body_of(sign_in(Client(), dmr_user).get(entry_url(entry)))
    assert "Move to another library" in page
    assert libraries["private group"].page.title in page
    assert f'value="meeting-{libraries["meeting"].page.pk}"' not in page  # where it is now


def test_an_unknown_target_moves_nothing(libraries, dmr_user):
    entry = bilingual_entry(places.NETWORK, dmr_user)
    response = sign_in(Client(), dmr_user).post(move_url(entry), {"target": "meeting-999999"})
    assert response.status_code == 400
    entry.refresh_from_db()
    assert entry.meeting_id is None and entry.thematic_group_id is None
