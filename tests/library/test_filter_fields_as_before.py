"""A library's filters written by `LibraryFilterForm.fields_html` (kept for the process while
nothing is filtered, issue 17) are, byte for byte, what library.html's loop over the form
wrote: in English and French, unbound, bound with empty values, filtered, refused (a value
outside the choices), with tags whose names and slugs need escaping; and a form kept for
one set of choices is never given for another."""

from types import SimpleNamespace

import pytest
from django.http import QueryDict
from django.template import engines
from django.utils import translation

from network_pages.library.forms import LibraryFilterForm
from network_pages.models import MemberState

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
