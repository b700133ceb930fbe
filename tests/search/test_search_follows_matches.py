"""Issue 18 (speed at network size): the access rule for documents is asked only about the
documents whose entries match the search, so the work it does follows the matches, not the
number of documents in the network; and the answer is the same."""

import pytest
from django.test import RequestFactory

from network_pages import access
from network_pages.library import places
from network_pages.library.factories import make_entry, text_file
from network_pages.search import query

pytestmark = pytest.mark.django_db


def add_papers(user, capture, count: int, word: str) -> list[int]:
    ids = []
    with capture(execute=True):
        for number in range(count):
            entry = make_entry(
                places.NETWORK,
                user,
                title=f"Paper {word} {number}",
                upload=text_file(f"paper{number}.txt", f"{word} paper {number}"),
            )
            ids.append(entry.versions.get().document_id)
    return ids


def search_as(reader, words: str):
    request = RequestFactory().get("/en/network/search/")
    reader.is_verified = lambda: True
    request.user = reader
    return query.search(request, words, {}, 1, "en")


def test_only_the_documents_that_match_are_put_to_the_owner_rule_however_many_do_not(
    network, dmr_user, focal_point, monkeypatch, django_capture_on_commit_callbacks
):
    asked: list[set[int]] = []
    rule = access.readable_by_owners

    def spy(user, document_ids):
        document_ids = set(document_ids)
        asked.append(document_ids)
        return rule(user, document_ids)

    monkeypatch.setattr(access, "readable_by_owners", spy)
    capture = django_capture_on_commit_callbacks
    matching = add_papers(dmr_user, capture, 2, "walrusology")
    add_papers(dmr_user, capture, 2, "ornithology")

    few = search_as(focal_point, "walrusology")
    asked_with_few = set().union(*asked)
    asked.clear()
    add_papers(dmr_user, capture, 10, "ornithology")
    many = search_as(focal_point, "walrusology")
    asked_with_many = set().union(*asked)

    # The rule is asked about the matching documents (they are in a restricted collection),
    # and about nothing else, with 2 or 12 documents that do not match.
    assert asked_with_few == asked_with_many == set(matching)
    found = {hit.entry.document_id for hit in many.hits}
    assert found == {hit.entry.document_id for hit in few.hits} == set(matching)
    assert many.total == few.total == 2


def test_a_search_matching_no_document_asks_the_owner_rule_about_none(
    network, dmr_user, focal_point, monkeypatch, django_capture_on_commit_callbacks
):
    asked: list[set[int]] = []
    rule = access.readable_by_owners
    monkeypatch.setattr(
        access,
        "readable_by_owners",
        lambda user, ids: asked.append(set(ids)) or rule(user, ids),
    )
    add_papers(dmr_user, django_capture_on_commit_callbacks, 3, "ornithology")

    outcome = search_as(focal_point, "walrusology")

    assert set().union(*asked) == set()
    assert outcome.total == 0
