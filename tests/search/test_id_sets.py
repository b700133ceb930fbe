"""The readers' kept ids are written as the shorter of two forms (`search.id_sets`, issue 17):
the ids, or the range up to the highest without those left out. Both name the same rows,
rows without an id and ids above the highest included."""

import pytest
from django.db import connection
from wagtail.models import Page

from network_pages.search import id_sets

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the arrays are PostgreSQL's (`unnest`)"
    ),
]


def test_most_ids_up_to_the_highest_are_written_as_those_left_out():
    assert id_sets.compact("{1,2,3,5,6,7,8}") == id_sets.IdSet("{4}", True, 8)
    assert id_sets.compact("1, 2, 3") == id_sets.IdSet("{}", True, 3)


def test_a_few_ids_are_written_as_themselves():
    assert id_sets.compact("{3,40,9}") == id_sets.IdSet("{3,9,40}", False, 40)
    assert id_sets.compact("{}") == id_sets.IdSet("{}", False, 0)
    # Far apart: the range is never walked.
    assert id_sets.compact("{1,2,9000000}") == id_sets.IdSet("{1,2,9000000}", False, 9000000)


def test_both_forms_name_the_same_rows_with_and_without_an_id():
    """`alias_of` is a nullable id: every page that is not an alias has none."""
    root = Page.get_first_root_node()
    pages = [root.add_child(instance=Page(title=f"page {n}", slug=f"ids-{n}")) for n in range(8)]
    aliases = [page.create_alias(parent=root, update_slug=f"alias-{page.slug}") for page in pages]
    ids = [page.pk for page in pages]
    # Every id up to the last page's but the third page's: written as the one left out.
    all_but_one = [pk for pk in range(1, ids[-1] + 1) if pk != ids[2]]
    assert id_sets.compact(id_sets.array_of(all_but_one)).array == f"{{{ids[2]}}}"
    for chosen in (ids, ids[:-1], ids[1:], ids[::2], ids[:1], [*ids[:3], *ids[4:]], all_but_one):
        array = id_sets.array_of(chosen)
        expected = {alias.pk for alias in aliases if alias.alias_of_id in chosen}
        found = set(
            Page.objects.filter(id_sets.among("alias_of", array)).values_list("pk", flat=True)
        )
        assert found == expected
        # Every id up to the highest but one: written as the one left out.
        among_all = id_sets.array_of(range(1, max(chosen) + 1))
        written = id_sets.compact(among_all)
        assert written.outside and written.array == "{}"
        found = set(
            Page.objects.filter(id_sets.among("id", among_all)).values_list("pk", flat=True)
        )
        assert found == set(Page.objects.filter(pk__lte=max(chosen)).values_list("pk", flat=True))
