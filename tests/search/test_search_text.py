"""Issue 17: on PostgreSQL the members' search reads `SearchText`, the entries joined to their
rows of Wagtail's index, kept by the database (migrations 0006, 0007). Whatever is written, by
any path, the table is that join; and what every reader finds through it (the counts per kind
and every ranked id, in order), with the pages kept for the reader, is what the search found
by joining Wagtail's index with the access rule's subqueries, kept here verbatim as it was."""

import importlib
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import EmptyResultSet
from django.core.files.base import ContentFile
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import FloatField
from django.db.models.expressions import OrderBy
from django.db.models.functions import Cast
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from network_pages.community.comments import posting
from network_pages.community.factories import make_comment
from network_pages.information.factories import make_request
from network_pages.meetings.models import MeetingDocument
from network_pages.network_area import ensure_network_collection
from network_pages.search import query, ranked, readers
from network_pages.search.models import SearchEntry, SearchText
from tests.conftest import sign_in

from .conftest import body_of, search_url

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the table exists on PostgreSQL only"
    ),
]

WORDS = ("digitalisation", "comment", "walrus", "digitalisation comment", "quarantine")
KINDS = (None, SearchEntry.Kind.COMMENT, SearchEntry.Kind.DOCUMENT)
# The join the table keeps: every entry with its index entry, as the table's columns.
JOINED = """
SELECT e.id, e.kind, e.page_id, e.document_id, e.audience, e.member_state_id, e.language,
       e.date, i.title::text, i.body::text, i.title_norm
FROM network_search_searchentry e
JOIN wagtailsearch_indexentry i
  ON i.content_type_id = (SELECT id FROM django_content_type
                          WHERE app_label = 'network_search' AND model = 'searchentry')
 AND i.object_id = e.id::varchar
"""
# `ranked.QUERY` before `SearchText`.
JOINED_QUERY = """
WITH matches (id, kind, rank) AS MATERIALIZED (%(matches)s)
SELECT kind, COUNT(*), NULL FROM matches GROUP BY kind
UNION ALL
SELECT NULL, NULL, ARRAY(
    SELECT id FROM matches %(chosen)s ORDER BY rank DESC, id DESC LIMIT %%s
)
"""
KEPT = """
SELECT entry_id, kind, page_id, document_id, audience, member_state_id, language, date,
       title::text, body::text, title_norm
FROM network_search_searchtext
"""


def rows(sql: str) -> set[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return set(cursor.fetchall())


def assert_kept_as_joined() -> None:
    joined = rows(JOINED)
    assert joined, "nothing indexed: the test would prove nothing"
    assert rows(KEPT) == joined


def verified(user):
    user.is_verified = lambda: True
    return user


def joined_search(user, words: str, kind: str | None) -> ranked.Ranked:
    """The one query as the search asked it before `SearchText` (the entries searched through
    Wagtail's backend, joined to its index table), kept verbatim from `ranked.ranked` and
    `query.search`: what the new one must answer."""
    backend = get_search_backend()
    readable = readers.readable_entries(user)
    results = backend.search(
        words, query.filtered(readable.only("pk", "kind"), {}, with_kind=False), operator="and"
    )
    queryset = results.get_queryset()
    ordering = queryset.query.order_by
    assert ordering and isinstance(ordering[0], OrderBy)
    matches = (
        queryset.order_by()
        .annotate(nfp_rank=Cast(ordering[0].expression, FloatField()))
        .values_list("pk", "kind", "nfp_rank")
    )
    try:
        sql, params = matches.query.sql_with_params()
    except EmptyResultSet:
        return ranked.Ranked({}, [])
    chosen = "WHERE kind = %s" if kind else ""
    sql = JOINED_QUERY % {"matches": sql, "chosen": chosen}
    params = (*params, *([kind] if kind else []), ranked.EVERY_MATCH)
    kind_counts, ids = {}, []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        for found_kind, count, best in cursor.fetchall():
            if found_kind is None:
                ids = [int(pk) for pk in best or []]
            else:
                kind_counts[found_kind] = count
    return ranked.Ranked(kind_counts, ids, total=len(ids))


def text_search(user, words: str, kind: str | None) -> ranked.Ranked:
    texts = query.filtered(readers.readable_texts(user), {}, with_kind=False)
    return ranked.ranked(get_search_backend(), words, texts, kind, ranked.EVERY_MATCH)


@pytest.fixture
def readers_of_every_kind(focal_point, other_focal_point, dmr_user, guest, outsider) -> list:
    """A Focal Point of a state with a draft and one of another, the DMR, a guest, a member
    of no group, and an anonymous visitor."""
    people = [focal_point, other_focal_point, dmr_user, guest, outsider]
    return [*(verified(person) for person in people), AnonymousUser()]


def assert_every_reader_finds_what_the_join_found(readers_of_every_kind) -> None:
    found_something = False
    for reader in readers_of_every_kind:
        for words in WORDS:
            for kind in KINDS:
                expected = joined_search(reader, words, kind)
                assert text_search(reader, words, kind) == expected, (reader, words, kind)
                found_something = found_something or bool(expected.ids)
    assert found_something


def test_the_table_is_the_join_of_the_entries_and_their_index_entries(library):
    assert_kept_as_joined()


def test_every_reader_finds_the_same_counts_and_order_as_through_the_join(
    library, readers_of_every_kind
):
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)


def test_nobody_outside_the_network_reads_any_text(library, outsider, focal_point):
    assert not readers.readable_texts(AnonymousUser()).exists()
    assert not readers.readable_texts(verified(outsider)).exists()
    # A Focal Point who has not passed the second factor reads nothing either.
    focal_point.is_verified = lambda: False
    assert not readers.readable_texts(focal_point).exists()


def test_a_published_page_is_kept_with_its_entries(
    library, areas, readers_of_every_kind, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = make_request(
            areas["requests"], title="Walrus digitalisation", questions=("Walrus count?",)
        )

    assert SearchText.objects.filter(page=request).exists()
    assert_kept_as_joined()
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)


def test_a_page_published_again_with_a_new_title_is_kept_with_its_new_text(
    library, django_capture_on_commit_callbacks
):
    item = library["item"]
    with django_capture_on_commit_callbacks(execute=True):
        item.title = "Walrus reception centres"
        item.save_revision().publish()

    kept = SearchText.objects.get(page=item, kind=SearchEntry.Kind.ITEM)
    assert "walrus" in str(SearchText.objects.filter(pk=kept.pk).values_list("title")[0])
    assert_kept_as_joined()


def test_an_unpublished_page_leaves_with_its_comments(
    library, readers_of_every_kind, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        library["item"].unpublish()

    assert not SearchText.objects.filter(page=library["item"]).exists()
    assert_kept_as_joined()
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)


def test_a_moved_page_keeps_its_rows_and_is_read_where_it_now_is(
    library, areas, readers_of_every_kind, django_capture_on_commit_callbacks
):
    # Into the members-only workspace of a group: only its members read it there.
    with django_capture_on_commit_callbacks(execute=True):
        request = make_request(areas["requests"], title="Walrus files", questions=("Why?",))
        request.move(library["group"], pos="last-child")

    assert SearchText.objects.filter(page=request).exists()
    assert_kept_as_joined()
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)


def test_a_deleted_page_takes_its_rows_with_it(
    library, readers_of_every_kind, django_capture_on_commit_callbacks
):
    meeting = library["other_meeting"]
    with django_capture_on_commit_callbacks(execute=True):
        meeting.delete()

    assert not SearchText.objects.filter(page_id=meeting.pk).exists()
    assert_kept_as_joined()
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)


def test_a_new_restriction_is_applied_at_once_without_rewriting_any_row(
    library, focal_point, readers_of_every_kind
):
    before = rows(KEPT)
    restriction = PageViewRestriction.objects.create(
        page=library["item"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Walrus keepers"))

    assert rows(KEPT) == before
    found = text_search(verified(focal_point), "digitalisation", None).ids
    on_the_item = SearchEntry.objects.filter(page=library["item"]).values_list("pk", flat=True)
    assert on_the_item and not set(found) & set(on_the_item)
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)


def test_comments_written_hidden_and_deleted_are_kept_as_joined(
    library, focal_point, dmr_user, readers_of_every_kind, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = make_comment(library["meeting"], focal_point, "A walrus comment.")
    assert SearchText.objects.filter(kind=SearchEntry.Kind.COMMENT, entry__source_id=comment.pk)
    assert_kept_as_joined()

    with django_capture_on_commit_callbacks(execute=True):
        posting.hide_comment(library["comment"], by=dmr_user, reason="Personal data.")
        posting.delete_comment(comment)
        library["meeting_comment"].delete()

    assert_kept_as_joined()
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)


def test_documents_attached_detached_and_deleted_are_kept_as_joined(
    library, readers_of_every_kind, django_capture_on_commit_callbacks
):
    def walrus_paper(title: str):
        document = get_document_model()(title=title, collection=ensure_network_collection())
        document.file.save(f"{title}.txt", ContentFile(b"Walrus quarantine."), save=False)
        document.save()
        MeetingDocument.objects.create(meeting=library["meeting"], document=document)
        return document

    with django_capture_on_commit_callbacks(execute=True):
        kept, detached, deleted = (walrus_paper(name) for name in ("Kept", "Detached", "Gone"))
    assert SearchText.objects.filter(document__in=[kept, detached, deleted]).count() == 3
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)

    deleted_pk = deleted.pk
    with django_capture_on_commit_callbacks(execute=True):
        MeetingDocument.objects.filter(document=detached).delete()
        deleted.delete()

    assert not SearchText.objects.filter(document=deleted_pk).exists()
    assert_kept_as_joined()
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)


def test_an_entry_rewritten_before_it_is_indexed_again_is_read_with_its_new_columns(
    library, other_focal_point, readers_of_every_kind
):
    # A draft response becomes the DMR's and its state's only: no index task has run yet.
    response = SearchEntry.objects.filter(kind=SearchEntry.Kind.RESPONSE).first()
    SearchEntry.objects.filter(pk=response.pk).update(
        audience=SearchEntry.Audience.STATE_AND_DMR, member_state=None
    )

    assert SearchText.objects.get(pk=response.pk).audience == SearchEntry.Audience.STATE_AND_DMR
    assert response.pk not in text_search(verified(other_focal_point), "digitalisation", None).ids
    assert_kept_as_joined()
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)


def test_wagtails_own_writes_of_its_index_are_kept(library):
    backend = get_search_backend()
    entry = SearchEntry.objects.filter(kind=SearchEntry.Kind.MEETING).first()

    backend.delete(entry)
    assert not SearchText.objects.filter(pk=entry.pk).exists()
    backend.add(entry)
    assert SearchText.objects.filter(pk=entry.pk).exists()
    # The title norms, refreshed over the whole table as a rebuild does.
    backend.get_index_for_model(SearchEntry)._refresh_title_norms(full=True)

    assert_kept_as_joined()


def test_emptied_tables_empty_it(library):
    with connection.cursor() as cursor:
        # The test's transaction holds deferred checks, which TRUNCATE refuses to leave.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE wagtailsearch_indexentry")

    assert not SearchText.objects.exists()


def test_the_migration_fills_the_table_from_the_join(library):
    migration = importlib.import_module(
        "network_pages.search.migrations.0007_search_text_matched_expression"
    )
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM network_search_searchtext")
    assert not SearchText.objects.exists()

    migration.fill(connection)

    assert_kept_as_joined()


def test_the_migration_rewrites_an_existing_table_and_its_triggers(
    library, readers_of_every_kind, django_capture_on_commit_callbacks
):
    """0007 on a database that has 0006's table, filled: the same rows without `text`, and
    triggers that write them (then 0008, whose index the search matches)."""
    executor = MigrationExecutor(connection)
    executor.migrate([("network_search", "0006_search_text")])
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM network_search_searchtext WHERE text IS NOT NULL")
        assert cursor.fetchone()[0] > 0
    executor.loader.build_graph()
    executor.migrate([("network_search", "0007_search_text_matched_expression")])

    assert_kept_as_joined()
    executor.loader.build_graph()
    executor.migrate([("network_search", "0008_search_text_costed_match")])
    with django_capture_on_commit_callbacks(execute=True):
        comment = make_comment(library["meeting"], readers_of_every_kind[0], "A walrus comment.")
    assert SearchText.objects.filter(kind=SearchEntry.Kind.COMMENT, entry__source_id=comment.pk)
    assert_kept_as_joined()
    assert_every_reader_finds_what_the_join_found(readers_of_every_kind)


def test_the_counts_per_kind_come_most_first_then_by_kind(library, dmr_user):
    counts = list(text_search(verified(dmr_user), "digitalisation", None).kind_counts.items())

    assert len(counts) > 2
    assert counts == sorted(counts, key=lambda kind_count: (-kind_count[1], kind_count[0]))


def test_the_search_matches_the_expression_the_gin_index_is_on(library, focal_point):
    """PostgreSQL uses an index on an expression only for that very expression: were the
    search to match anything else, it would read every row of the table."""
    texts = query.filtered(readers.readable_texts(verified(focal_point)), {}, with_kind=False)
    matched = texts.alias(nfp_text=ranked.MATCHED).filter(
        nfp_text=SearchQuery("digitalisation", config="english")
    )
    sql, params = matched.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(line for (line,) in cursor.fetchall())

    assert "network_search_searchtext_text" in plan


def test_the_matched_concatenation_is_declared_at_its_cost_and_indexed():
    """Weighed as one cheap operator, the concatenation of every row's vectors made reading
    the whole table look cheaper than the index for a common word (0008)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT procost, provolatile FROM pg_proc WHERE proname = 'network_search_text'"
        )
        assert cursor.fetchall() == [(100.0, "i")]
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'network_search_searchtext' "
            "AND indexdef LIKE '%%gin%%'"
        )
        assert [definition for (definition,) in cursor.fetchall()] == [
            "CREATE INDEX network_search_searchtext_text ON public.network_search_searchtext "
            "USING gin (network_search_text(title, body))"
        ]


def test_the_readers_kept_pages_make_the_same_condition_as_the_rules_subqueries(
    library, readers_of_every_kind
):
    for reader in readers_of_every_kind:
        subqueries = readers.readable_condition(reader)
        if subqueries is None:
            assert readers.readable_condition(reader, arrays=True) is None
            continue
        kept = readers.readable_condition(reader, arrays=True)
        assert "unnest(" in str(SearchText.objects.filter(kept).query)
        assert set(SearchText.objects.filter(kept).values_list("pk", flat=True)) == set(
            SearchText.objects.filter(subqueries).values_list("pk", flat=True)
        ), reader


def test_a_word_found_more_often_than_ranked_is_counted_and_ranked_among_its_most_recent_matches(
    library, readers_of_every_kind, monkeypatch
):
    """`ranked.RANKED_AT_MOST`: the counts per kind are those of the most recent matches of
    every kind (the highest ids), the total and the ids those of the chosen kind's most
    recent matches, in the join's order, and the outcome says how many were counted and
    ranked."""
    monkeypatch.setattr(ranked, "RANKED_AT_MOST", 2)
    bounded = counted = 0
    for reader in readers_of_every_kind:
        for words in WORDS:
            of_every_kind = joined_search(reader, words, None).ids
            kinds = dict(SearchEntry.objects.filter(pk__in=of_every_kind).values_list("pk", "kind"))
            newest_of_every_kind = sorted(of_every_kind, reverse=True)[:2]
            for kind in KINDS:
                every_match = joined_search(reader, words, kind)
                found = text_search(reader, words, kind)
                newest = set(sorted(every_match.ids, reverse=True)[:2])

                assert found.kind_counts == dict(
                    Counter(kinds[pk] for pk in newest_of_every_kind)
                ), (reader, words, kind)
                assert found.ids == [pk for pk in every_match.ids if pk in newest]
                assert found.total == min(len(every_match.ids), 2)
                assert found.ranked_among == (2 if len(every_match.ids) > 2 else None)
                assert found.counted_among == (2 if len(of_every_kind) > 2 else None)
                bounded += found.ranked_among is not None
                counted += found.counted_among is not None
    assert bounded and counted


def test_the_search_says_when_only_the_most_recent_matches_are_counted_and_ranked(
    client, library, dmr_user, monkeypatch
):
    monkeypatch.setattr(ranked, "RANKED_AT_MOST", 2)
    monkeypatch.setattr(query, "PER_PAGE", 1)
    sign_in(client, dmr_user)
    every_match = joined_search(verified(dmr_user), "digitalisation", None)
    assert len(every_match.ids) > 2

    english = body_of(client.get(search_url(q="digitalisation")))
    french = body_of(client.get(search_url("fr", q="digitalisation")))
    last = body_of(client.get(search_url(q="digitalisation", page=3)))

    assert "More than 2 results for “digitalisation”" in english
    assert f"{len(every_match.ids)} results for" not in english
    assert "By kind, among the 2 most recent results:" in english
    assert 'aria-labelledby="facets-among"' in english
    assert "The 2 most recent of these results are ranked and shown" in english
    assert "Page 1 of 2" in english
    assert "Plus de 2 résultats pour «\u00a0digitalisation\u00a0»" in french
    assert "Par type, parmi les 2 résultats les plus récents\u00a0:" in french
    assert "Les 2 résultats les plus récents sont classés et affichés" in french
    assert "Page 2 of 2" in last


def test_a_chosen_kind_with_few_matches_is_counted_exactly_among_many_matches(
    client, library, dmr_user, monkeypatch
):
    """The chosen kind's own most recent matches are counted: a kind with two matches says
    two, though more than the counted matches of every kind were found."""
    monkeypatch.setattr(ranked, "RANKED_AT_MOST", 2)
    sign_in(client, dmr_user)
    reader = verified(dmr_user)
    every_match = joined_search(reader, "digitalisation", None)
    per_kind = {
        kind: len(joined_search(reader, "digitalisation", kind).ids)
        for kind in SearchEntry.Kind.values
    }
    assert len(every_match.ids) > 2
    kind = next(kind for kind, count in per_kind.items() if 0 < count <= 2)

    body = body_of(client.get(search_url(q="digitalisation", kind=kind)))

    count = per_kind[kind]
    assert f"{count} result{'s' if count > 1 else ''} for “digitalisation”" in body
    assert "More than" not in body
    assert "By kind, among the 2 most recent results:" in body


def test_the_search_says_nothing_of_ranking_when_every_match_is_ranked(client, library, dmr_user):
    sign_in(client, dmr_user)
    body = body_of(client.get(search_url(q="digitalisation")))

    assert "results for" in body
    assert "More than" not in body
    assert "most recent of these results" not in body
    assert "most recent results:" not in body
    assert 'aria-label="Results by kind"' in body


def _plans(node: dict):
    yield node
    for child in node.get("Plans", ()):
        yield from _plans(child)


def test_a_common_word_reads_no_more_matches_than_are_counted(library, dmr_user, monkeypatch):
    """Whatever the number of matches, the database hands on the most recent readable ones
    and one more, no others: the query's matches (its `matches` CTE, as the database ran it)
    are `RANKED_AT_MOST` + 1 rows at most."""
    monkeypatch.setattr(ranked, "RANKED_AT_MOST", 2)
    reader = verified(dmr_user)
    assert len(joined_search(reader, "digitalisation", None).ids) > 3
    with CaptureQueriesContext(connection) as captured:
        text_search(reader, "digitalisation", None)
    (executed,) = captured.captured_queries
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {executed['sql']}")
        (plan,) = cursor.fetchone()[0]
    ctes = {
        node["Subplan Name"]: node
        for node in _plans(plan["Plan"])
        if node.get("Subplan Name", "").startswith("CTE ")
    }
    assert ctes["CTE matches"]["Actual Rows"] == 3
