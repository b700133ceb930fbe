"""The access rule on pages as a database condition (`access_sql.PageRule`, what the
members' search filters with) gives, page by page, the answer of the rule itself
(`access.user_may_view_page`): for members, the DMR, a guest and an outsider, on the
network's pages, their French aliases, a meeting opened to a guest and a members-only
workspace."""

import pytest
from wagtail.models import Page

from network_pages import access, access_sql

pytestmark = pytest.mark.django_db


def test_the_database_condition_opens_exactly_the_pages_the_access_rule_opens(
    library, focal_point, other_focal_point, dmr_user, guest, outsider
):
    pages = list(Page.objects.all())
    for user in (focal_point, other_focal_point, dmr_user, guest, outsider):
        rule, _listed = access_sql.PageRule.for_pages(user)
        expected = {page.pk for page in pages if access.user_may_view_page(user, page)}

        assert set(Page.objects.filter(rule.condition()).values_list("pk", flat=True)) == expected
        assert {page.pk for page in pages if rule.allows(page.path)} == expected


def test_through_a_relation_the_condition_opens_the_rows_whose_page_the_rule_opens(
    library, focal_point, other_focal_point, dmr_user, guest, outsider
):
    """`condition("alias_of__")`: the rule on the page a row points to (here an alias's
    source), read as the related id among the opened pages: every alias whose source the
    user may open, and no other."""
    aliases = list(Page.objects.filter(alias_of__isnull=False).select_related("alias_of"))
    assert aliases  # the library has French aliases, under restricted and open places
    for user in (focal_point, other_focal_point, dmr_user, guest, outsider):
        rule, _listed = access_sql.PageRule.for_pages(user)
        expected = {
            alias.pk for alias in aliases if access.user_may_view_page(user, alias.alias_of)
        }

        found = Page.objects.filter(rule.condition("alias_of__")).values_list("pk", flat=True)
        assert set(found) == expected
