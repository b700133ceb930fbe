"""The directory's member state filter is drawn in Python (`nfp_site.plain_select`, as the
listings' filters, issue 17): the search form is byte for byte what it was with Django's
select, in English and French, with a state chosen, none, or one that is not offered."""

import pytest
from django import forms
from django.utils import translation

from network_pages.directory_forms import DirectorySearchForm
from network_pages.models import MemberState
from nfp_site.plain_select import PlainSelect

pytestmark = pytest.mark.django_db


def drawn_with(widget: type[forms.Select], data) -> str:
    form = DirectorySearchForm(data, states=MemberState.objects.all())
    field = form.fields["state"]
    field.widget = widget()
    field.choices = field.choices  # gives the new widget the field's choices
    return str(form)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("data", [None, {"state": "FR"}, {"state": "XX", "q": 'a&b "<c>"'}])
def test_the_search_form_is_what_djangos_select_drew(language, data):
    with translation.override(language):
        expected = drawn_with(forms.Select, data)
        assert drawn_with(PlainSelect, data) == expected
        assert str(DirectorySearchForm(data, states=MemberState.objects.all())) == expected
