"""Issue 15: below a French page, its sub-views speak French too (`historique/`,
`reponses/FR/`, `commentaires/12/modifier/`); the English parts, which were their addresses,
lead there for good, and only to whoever may see the page."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from network_pages.area_addresses import (
    SUB_PATH_SLUGS,
    LocalizedRoutesMixin,
    french_path_for,
    sub_path_in,
)
from network_pages.community.models import WorkingMethodsPage
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

HISTORY_FR = "/fr/reseau/methodes-de-travail/historique/"
HISTORY_OLD = "/fr/reseau/methodes-de-travail/history/"


def routable_page_types() -> list[type]:
    def all_subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from all_subclasses(sub)

    return [
        model
        for model in all_subclasses(Page)
        if issubclass(model, RoutablePageMixin) and not model._meta.abstract
    ]


def test_every_routable_page_type_of_the_site_follows_the_language():
    kinds = routable_page_types()

    assert kinds
    assert [kind for kind in kinds if not issubclass(kind, LocalizedRoutesMixin)] == []


def test_every_english_part_of_every_route_has_its_place_in_the_table():
    """A new route with a new English word must say its French (or that it is the same)."""
    words = set()
    for kind in routable_page_types():
        for pattern in kind.get_subpage_urls():
            route = str(pattern.pattern)
            words |= {part for part in route.split("/") if part and "<" not in part}
    same_in_both = {"csv", "xlsx", "vcard", "compilation"}

    assert sorted(words - set(SUB_PATH_SLUGS) - same_in_both) == []


def test_a_sub_path_translates_both_ways_keeping_ids_codes_and_fragments():
    assert sub_path_in("comments/12/edit/", "fr") == "commentaires/12/modifier/"
    assert sub_path_in("responses/FR/#answer-2", "fr") == "reponses/FR/#answer-2"
    assert sub_path_in("commentaires/12/modifier/", "en") == "comments/12/edit/"
    assert sub_path_in("compilation/csv/", "fr") == "compilation/csv/"
    for english in SUB_PATH_SLUGS:
        assert sub_path_in(sub_path_in(english, "fr"), "en") == english


def test_a_page_reverses_its_routes_in_the_active_language():
    page = WorkingMethodsPage.objects.get(locale__language_code="fr")

    with translation.override("fr"):
        assert page.reverse_subpage("history") == "historique/"
        assert page.reverse_subpage("comments_edit", args=[3]) == "commentaires/3/modifier/"
    with translation.override("en"):
        assert page.reverse_subpage("history") == "history/"


def test_the_french_sub_view_answers_and_the_english_part_redirects_there(client, focal_point):
    sign_in(client, focal_point)

    assert client.get(HISTORY_FR).status_code == 200
    old = client.get(HISTORY_OLD, {"page": "2"})
    assert old.status_code == 301
    assert old["Location"] == HISTORY_FR + "?page=2"


def test_a_form_posted_to_an_english_part_is_redirected_with_its_method_kept(client, focal_point):
    sign_in(client, focal_point)

    response = client.post("/fr/reseau/methodes-de-travail/comments/", {"body": "Bonjour"})

    assert response.status_code == 308
    assert response["Location"] == "/fr/reseau/methodes-de-travail/commentaires/"


def test_an_english_page_with_french_parts_leads_back_to_its_english_parts(client, focal_point):
    sign_in(client, focal_point)

    response = client.get("/en/network/working-methods/historique/")

    assert response.status_code == 301
    assert response["Location"] == "/en/network/working-methods/history/"


def test_the_old_address_tells_an_outsider_nothing_more_than_the_page(client, outsider):
    sign_in(client, outsider)

    french, old = client.get(HISTORY_FR), client.get(HISTORY_OLD)

    assert old.status_code == french.status_code != 301


def test_the_areas_views_take_french_parts_and_their_english_parts_redirect(client):
    with translation.override("fr"):
        assert reverse("library:network_add") == "/fr/reseau/bibliotheque/ajouter/"
    assert french_path_for("/fr/reseau/bibliotheque/add/") == "/fr/reseau/bibliotheque/ajouter/"
    assert (
        french_path_for("/fr/network/library/meetings/4/add/")
        == "/fr/reseau/bibliotheque/reunions/4/ajouter/"
    )
    assert french_path_for("/fr/reseau/bibliotheque/ajouter/") is None
    response = client.get("/fr/reseau/bibliotheque/add/")
    assert response.status_code == 301
    assert response["Location"] == "/fr/reseau/bibliotheque/ajouter/"


def test_the_switcher_on_a_sub_view_leads_to_its_parts_in_the_other_language(client, focal_point):
    sign_in(client, focal_point)

    html = client.get(HISTORY_FR).content.decode()

    assert 'href="/en/network/working-methods/history/"' in html
    english = client.get("/en/network/working-methods/history/").content.decode()
    assert f'href="{HISTORY_FR}"' in english
