"""`PlainSelect` writes the markup of Django's `Select` (select.html, select_option.html,
attrs.html) without the template engine (issue 17): byte for byte the same, values and
labels escaped as the templates escaped them, the selected option marked the same."""

import pytest
from django import forms
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from network_pages.directory_forms import DirectorySearchForm
from network_pages.models import MemberState
from network_pages.select_widget import PlainSelect

CHOICES = [
    ("", gettext_lazy("All member states")),
    ('a&b"<c>', '<script>alert("x")</script> & l\'été'),
    ("safe", mark_safe("<b>kept</b>")),
    (mark_safe("&amp;"), "a value already markup"),
    (3, 4.5),
    ("Group & <co>", [("g1", "G1 & g"), ("g2", "G2")]),
]
ATTRS = {"id": "id_state", "required": True, "hidden": False, "data-x": 'a"b&<c>'}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("value", [None, "", 'a&b"<c>', "g2", 3, ["3", "g1"], "not a choice"])
def test_a_select_is_written_as_djangos(language, value):
    with translation.override(language):
        expected = forms.Select(choices=CHOICES, attrs=ATTRS).render("state", value)
        assert PlainSelect(choices=CHOICES, attrs=ATTRS).render("state", value) == expected


def directory_form_with(widget: type[forms.Select], data) -> str:
    form = DirectorySearchForm(data, states=MemberState.objects.all())
    field = form.fields["state"]
    field.widget = widget()
    field.choices = field.choices  # gives the new widget the field's choices
    return str(form)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("data", [None, {"state": "FR"}, {"state": "XX", "q": "a&b"}])
def test_the_directorys_search_form_is_written_as_with_djangos_select(language, data):
    with translation.override(language):
        expected = directory_form_with(forms.Select, data)
        assert directory_form_with(PlainSelect, data) == expected
        assert str(DirectorySearchForm(data, states=MemberState.objects.all())) == expected
