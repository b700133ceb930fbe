"""4.10: the current working methods in the network area, revised by the DMR; members see
what changed and when, and comment with suggestions."""

import pytest
from wagtail.models import Page

from network_pages.community.models import WorkingMethodsPage
from network_pages.community.site_setup import ensure_community_pages
from tests.conftest import sign_in

from .conftest import REFUSED, body_of, count_queries, url_of

pytestmark = pytest.mark.django_db


def clauses(page) -> dict[str, str]:
    return {
        block.value["number"]: block.value["text"]
        for block in page.body
        if block.block_type == "clause"
    }


def revise(page, *, user, **changed_clauses) -> WorkingMethodsPage:
    """Publish a revision in which the given clauses ("4_8"="...") have a new text."""
    page = WorkingMethodsPage.objects.get(pk=page.pk)
    data = page.body.get_prep_value()
    for number, text in changed_clauses.items():
        number = number.replace("_", ".")
        found = [b for b in data if b["type"] == "clause" and b["value"]["number"] == number]
        if found:
            found[0]["value"]["text"] = text
        else:
            data.append({"type": "clause", "value": {"number": number, "text": text}})
    page.body = data
    page.save_revision(user=user).publish(user=user)
    return WorkingMethodsPage.objects.get(pk=page.pk)


def test_the_page_holds_every_clause_of_the_seed_text(working_methods):
    found = clauses(working_methods)

    assert list(found)[:3] == ["1.1", "1.2", "2.1"]
    assert list(found)[-1] == "4.10"
    assert len(found) == 18  # 1.1-1.2, 2.1-2.2, 3.1-3.4, 4.1-4.10
    assert "thematic rapporteurs, on a voluntary basis" in found["4.8"]
    assert found["2.1"].count("\n") == 4  # its items a. to d.
    assert working_methods.adopted_on.isoformat() == "2025-05-16"


def test_community_pages_are_in_the_menu_mirrored_in_french_and_created_once(network, community):
    ensure_community_pages(network)

    for page in community.values():
        assert page.show_in_menus
        # In French: a translation (issue 15), one per page however often setup runs.
        assert (
            Page.objects.filter(
                translation_key=page.translation_key, locale__language_code="fr"
            ).count()
            == 1
        )
    assert WorkingMethodsPage.objects.filter(locale__language_code="en").count() == 1


def test_members_see_what_each_revision_changed_and_when(
    client, working_methods, dmr_user, focal_point
):
    revise(
        working_methods,
        user=dmr_user,
        **{
            "4_8": "The Network may create thematic groups, on a voluntary basis.",
            "4_11": "Thematic groups report once a year to the plenary meeting.",
        },
    )

    response = sign_in(client, focal_point).get(url_of(working_methods, "history/"))

    html = response.content.decode()
    # The French text's publications are listed too (test_working_methods_in_french.py).
    [latest, first] = [v for v in response.context["versions"] if v.language == "en"]
    assert [(change.kind, change.label) for change in latest.changes] == [
        ("changed", "Clause 4.8"),
        ("added", "Clause 4.11"),
    ]
    assert first.is_first
    assert latest.published_by == "Dmr Tester"
    assert "<del>" in html and "<ins>" in html
    assert "[removed:]" in html and "[added:]" in html
    assert "report once a year" in html


def test_the_history_is_members_only(client, working_methods, visitors):
    for kind, (status, _location) in REFUSED.items():
        client.logout()
        if kind != "anonymous":
            sign_in(client, visitors[kind], verified=kind != "password-only")
        response = client.get(url_of(working_methods, "history/", language="fr"))
        assert response.status_code == status, kind
        assert "First published version" not in body_of(response)


def test_members_comment_on_the_working_methods(client, working_methods, approver):
    response = sign_in(client, approver).post(
        url_of(working_methods, "comments/"), {"body": "Suggestion: add 4.11."}
    )

    assert response.status_code == 302
    assert "Suggestion: add 4.11." in client.get(url_of(working_methods)).content.decode()


def test_the_history_costs_the_same_queries_however_many_versions(
    client, working_methods, dmr_user, focal_point
):
    for number in range(11):
        working_methods = revise(working_methods, user=dmr_user, **{"4_9": f"Version {number}"})
    sign_in(client, focal_point).get(url_of(working_methods, "history/"))
    queries = count_queries(client, url_of(working_methods, "history/"))

    for number in range(3):
        working_methods = revise(working_methods, user=dmr_user, **{"4_9": f"Later {number}"})
    # Publishing empties the caches of the page tree (sections, restricted roots): refill them.
    client.get(url_of(working_methods, "history/"))

    assert count_queries(client, url_of(working_methods, "history/")) == queries
