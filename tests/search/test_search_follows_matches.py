"""Issue 18 (speed at network size): the access rule for documents runs in the database
(`access_sql.readable_by_owners`), so a search costs the same whatever the number of
documents in the network or among the matches; and the answer is the one the rule gives
document by document (`access.readable_by_owners`)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from network_pages import access
from network_pages.library import places
from network_pages.library.factories import make_entry, text_file
from network_pages.search import query

pytestmark = pytest.mark.django_db


def add_papers(user, capture, count: int, word: str, first: int = 0) -> list[int]:
    ids = []
    with capture(execute=True):
        for number in range(first, first + count):
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


def counted_search(reader, words: str):
    with CaptureQueriesContext(connection) as queries:
        outcome = search_as(reader, words)
    return outcome, len(queries)


def test_no_document_is_put_to_the_owner_rule_one_by_one_and_the_queries_do_not_grow(
    network, dmr_user, focal_point, monkeypatch, django_capture_on_commit_callbacks
):
    asked: list[set[int]] = []
    rule = access.readable_by_owners
    monkeypatch.setattr(
        access,
        "readable_by_owners",
        lambda user, ids: asked.append(set(ids)) or rule(user, ids),
    )
    capture = django_capture_on_commit_callbacks
    matching = add_papers(dmr_user, capture, 2, "walrusology")
    add_papers(dmr_user, capture, 2, "ornithology")
    search_as(focal_point, "walrusology")  # the per-process caches fill once

    few, few_queries = counted_search(focal_point, "walrusology")
    matching += add_papers(dmr_user, capture, 10, "walrusology", first=2)
    add_papers(dmr_user, capture, 10, "ornithology", first=2)
    # Measured as `few` was, after a first search: the new documents decide the reader's
    # documents again once (search.document_cache), whatever their number.
    search_as(focal_point, "walrusology")
    many, many_queries = counted_search(focal_point, "walrusology")

    assert asked == []
    assert many_queries == few_queries
    assert {hit.entry.document_id for hit in few.hits} <= set(matching)
    assert {hit.entry.document_id for hit in many.hits} == set(matching)
    assert (few.total, many.total) == (2, 12)


def test_an_owner_rule_without_a_database_form_is_asked_in_python_with_the_same_answer(
    network, dmr_user, focal_point, monkeypatch, django_capture_on_commit_callbacks
):
    matching = add_papers(dmr_user, django_capture_on_commit_callbacks, 3, "walrusology")
    in_the_database = search_as(focal_point, "walrusology")

    def owners_without_database_form(user, document_ids):
        yield from ()

    hooks = access.document_owner_hooks()
    monkeypatch.setattr(
        access, "document_owner_hooks", lambda: [*hooks, owners_without_database_form]
    )
    in_python = search_as(focal_point, "walrusology")

    found = {hit.entry.document_id for hit in in_python.hits}
    assert found == {hit.entry.document_id for hit in in_the_database.hits} == set(matching)
    assert in_python.total == in_the_database.total == 3
