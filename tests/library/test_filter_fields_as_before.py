"""A library's filters written by `LibraryFilterForm.fields_html` (kept for the process while
nothing is filtered, issue 17) are, byte for byte, what library.html's loop over the form
wrote: in English and French, unbound, bound with empty values, filtered, refused (a value
outside the choices), with tags whose names and slugs need escaping; and a form kept for
one set of choices is never given for another."""

from types import SimpleNamespace

import pytest
from django.http import QueryDict
from django.template import engines
from django.test import Client
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag

from network_pages.library import places
from network_pages.library.factories import make_entry
from network_pages.library.forms import LibraryFilterForm
from network_pages.models import MemberState
from nfp_site import fragments
from tests.conftest import sign_in

# library.html's loop as it was.
BEFORE = "{% for field in filter_form %}<p>{{ field.label_tag }} {{ field }}</p>{% endfor %}"
HOSTILE = '<script>alert("x")</script> & l\'été'

pytestmark = pytest.mark.django_db


def tags(*names: str) -> list:
    return [SimpleNamespace(slug=f"{index}-&\"'<", name=name) for index, name in enumerate(names)]


def states() -> list[MemberState]:
    return [
        MemberState(pk=1, code="FR", name_en="France", name_fr="France"),
        MemberState(pk=2, code="SE", name_en="Sweden & <Co>", name_fr="Suède"),
    ]


def as_before(form: LibraryFilterForm) -> str:
    return engines["django"].from_string(BEFORE).render({"filter_form": form})


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    "query",
    ["", "tag=&language=&state=", "page=2", "language=fr", "state=SE", "tag=nope", "state=<x>"],
)
def test_the_filters_are_written_as_the_template_wrote_them(language, query):
    with translation.override(language):
        for _time in range(2):  # written, then kept
            data = QueryDict(query) if query else None
            form = LibraryFilterForm(data, tags=tags(HOSTILE, "Reports"), states=states())
            form.filters()
            expected = as_before(
                LibraryFilterForm(data, tags=tags(HOSTILE, "Reports"), states=states())
            )
            assert form.fields_html() == expected
    assert "&lt;script&gt;" in expected


def test_a_form_kept_for_some_tags_is_not_given_for_others():
    first = LibraryFilterForm(None, tags=tags("Reports"), states=states()).fields_html()
    second = LibraryFilterForm(None, tags=tags("Minutes"), states=states()).fields_html()

    assert "Reports" in first and "Reports" not in second
    assert "Minutes" in second


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_a_librarys_page_offers_its_tags_as_the_tag_models_did(
    libraries, dmr_user, reader, language, request
):
    """The view reads the tags as rows of their slug and name: the filters on the page are
    those the tags read as models gave (hostile names, accents, several entries each)."""
    make_entry(places.NETWORK, dmr_user, title="One", tags=(HOSTILE, "Détention", "Zèbre"))
    make_entry(places.NETWORK, dmr_user, title="Two", tags=("Détention", "apple & <pear>"))
    make_entry(libraries["meeting"], dmr_user, title="Elsewhere", tags=("Réunion",))
    client = sign_in(Client(), request.getfixturevalue(reader))
    with translation.override(language):
        url = reverse("library:network")
        models = Tag.objects.filter(
            library_libraryentrytag_items__content_object__in=places.NETWORK.entries()
        ).distinct()
        expected = as_before(
            LibraryFilterForm(None, tags=list(models), states=MemberState.objects.all())
        )
    for query in ("", "?tag=nope"):
        fragments.forget_rendered()
        bound = query and as_before(
            LibraryFilterForm(
                QueryDict(query[1:]), tags=list(models), states=MemberState.objects.all()
            )
        )
        for _again in range(2):
            page = client.get(url + query).content.decode()
            with translation.override(language):
                assert (bound or expected) in page, query
    assert "Réunion" not in expected and "&lt;script&gt;" in expected
