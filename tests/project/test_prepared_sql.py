"""SQL compiled once per shape (nfp_site.prepared_sql): the same rows as the ORM's for any
values, and a query whose values cannot simply be put in place is never prepared."""

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.test.utils import CaptureQueriesContext

from nfp_site import prepared_sql
from nfp_site.plain_select import PlainSelect

pytestmark = pytest.mark.django_db
User = get_user_model()


def _groups(names, pk):
    return Group.objects.filter(Q(name__in=names) | Q(pk=pk)).order_by("name")


@pytest.fixture
def groups():
    prepared_sql._prepared.clear()
    return [Group.objects.create(name=name) for name in ("alpha", "beta", "gamma", "delta")]


def _raw(name, build, *arguments):
    sql, params = prepared_sql.prepared(name, build, *arguments)
    return [group.name for group in Group.objects.raw(sql, params)]


def test_a_prepared_query_answers_as_the_orm_for_other_values(groups):
    alpha, beta, gamma, delta = groups
    for names, pk in ((["alpha", "beta"], delta.pk), (["gamma", "nothing"], alpha.pk)):
        expected = [group.name for group in _groups(names, pk)]
        assert _raw("test.groups", _groups, names, pk) == expected
    assert len(prepared_sql._prepared) == 1  # one shape: two lists of two names
    assert prepared_sql._prepared[next(iter(prepared_sql._prepared))] is not None


def test_another_number_of_values_is_another_shape(groups):
    _raw("test.groups", _groups, ["alpha"], groups[0].pk)
    assert _raw("test.groups", _groups, ["beta", "gamma", "x"], groups[0].pk) == [
        "alpha",
        "beta",
        "gamma",
    ]
    assert len(prepared_sql._prepared) == 2


def test_a_lookup_that_changes_its_value_is_compiled_every_time(groups):
    def starting_with(prefix):
        return Group.objects.filter(name__startswith=prefix).order_by("name")

    assert _raw("test.prefix", starting_with, "ga") == ["gamma"]
    assert _raw("test.prefix", starting_with, "de") == ["delta"]
    assert prepared_sql._prepared[("test.prefix", connection.vendor, False, False, (str,))] is None


def test_the_plain_select_writes_what_django_s_template_writes():
    choices = [("", "All <kinds>"), ("a", "A & B"), ("Group", [("m-1", "One"), ("m-2", '"Two"')])]
    for value in ("", "a", "m-2", None):
        attrs = {"id": "id_f", "required": False, "disabled": True}
        expected = forms.Select(choices=choices).render("f", value, attrs)
        assert PlainSelect(choices=choices).render("f", value, attrs) == expected


def _users_with_state(pk):
    return User.objects.select_related("member_profile__member_state").filter(pk=pk)


def test_prepared_objects_are_the_orm_s_with_their_related_objects(focal_point, dmr_user):
    prepared_sql._prepared.clear()
    for user in (focal_point, dmr_user, focal_point):
        [expected] = _users_with_state(user.pk)
        [found] = prepared_sql.prepared_objects("test.users", _users_with_state, user.pk)
        assert found == expected and found.username == expected.username
        assert found.member_profile.member_state == expected.member_profile.member_state
    with CaptureQueriesContext(connection) as queries:
        assert found.member_profile.member_state.name
    assert not queries.captured_queries
    assert len([v for v in prepared_sql._prepared.values() if v is not None]) == 1


def test_a_prefetching_queryset_is_listed_as_it_is(focal_point):
    def with_groups(pk):
        return User.objects.prefetch_related("groups").filter(pk=pk)

    [found] = prepared_sql.prepared_objects("test.prefetching", with_groups, focal_point.pk)
    assert "groups" in found._prefetched_objects_cache


def _ranked_after(after):
    ranked = Group.objects.annotate(rank=Window(RowNumber(), order_by="name"))
    return ranked.filter(rank__gt=after).order_by("name")


def test_a_filter_on_a_window_is_prepared_with_each_value_in_place(groups):
    # PostgreSQL's compiler wraps such a filter's values (psycopg's Int4): wrapped again.
    for after in (0, 2, 3):
        expected = [group.name for group in _ranked_after(after)]
        found = prepared_sql.prepared_objects("test.ranked", _ranked_after, after)
        assert [group.name for group in found] == expected
    assert (
        prepared_sql._prepared[("test.ranked", connection.vendor, True, False, (int,))] is not None
    )


def _by_id_or_named_after_it(pk):
    return Group.objects.filter(Q(pk=pk) | Q(name=str(pk))).order_by("name")


def test_a_value_also_written_into_a_text_is_compiled_every_time(groups):
    named = Group.objects.create(name="987654")
    for pk in (groups[0].pk, 987654):
        expected = [group.name for group in _by_id_or_named_after_it(pk)]
        found = prepared_sql.prepared_objects("test.named", _by_id_or_named_after_it, pk)
        assert [group.name for group in found] == expected
    assert named.name in expected
    assert prepared_sql._prepared[("test.named", connection.vendor, True, False, (int,))] is None


def _named_any_of(names: list) -> QuerySet:
    return Group.objects.filter(prepared_sql.AnyOf(F("name"), names)).order_by("name")


def _with_ids_any_of(ids: list) -> QuerySet:
    return Group.objects.filter(prepared_sql.AnyOf(F("pk"), ids)).order_by("name")


def test_integers_and_plain_words_are_one_array_written_as_postgresql_writes_it():
    assert prepared_sql.array_parameter([3, -1, 20]) == "{3,-1,20}"
    assert prepared_sql.array_parameter(["000100020003", "00010004"]) == "{000100020003,00010004}"
    assert prepared_sql.array_parameter([]) == "{}"


@pytest.mark.parametrize(
    "values",
    [["a,b"], ['a"b'], ["a b"], ["{a}"], ["a\\b"], ["NULL"], ["null"], [""], [True], [1.5]],
)
def test_a_value_an_array_literal_would_read_otherwise_stays_a_list(values):
    assert prepared_sql.array_parameter(values) == values


@pytest.mark.skipif(connection.vendor != "postgresql", reason="one array parameter in PostgreSQL")
def test_a_prepared_array_answers_as_the_orm_for_any_values(groups):
    alpha, beta, gamma, delta = groups
    hostile = [Group.objects.create(name=name) for name in ("NULL", "a,b", 'say "hi"', "{x}")]
    for names in (["alpha", "gamma"], ["NULL", "delta"], ["a,b", 'say "hi"', "{x}"], ["beta"]):
        sql, params = prepared_sql.prepared_array("test.named", _named_any_of, names)
        expected = [group.name for group in Group.objects.filter(name__in=names).order_by("name")]
        assert [group.name for group in Group.objects.raw(sql, params)] == expected
    ids = [alpha.pk, delta.pk, hostile[0].pk]
    sql, params = prepared_sql.prepared_array("test.ids", _with_ids_any_of, ids)
    assert f"{{{alpha.pk},{delta.pk},{hostile[0].pk}}}" in params
    expected = [group.name for group in Group.objects.filter(pk__in=ids).order_by("name")]
    assert [group.name for group in Group.objects.raw(sql, params)] == expected
