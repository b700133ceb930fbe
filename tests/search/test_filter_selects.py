"""The search form's selects, drawn in Python (`nfp_site.plain_select.PlainSelect`, as the
listings' filters), are the HTML Django's own select template draws: the options, the chosen
one, the escaping, the field's attributes."""

from django import forms
from django.test.html import parse_html

from nfp_site.plain_select import PlainSelect

CHOICES = [("", "All meetings"), (3, "Plenary <3> & co"), (12, "Bureau « 2027 »")]


def both(value, *, errors: bool = False) -> tuple[str, str]:
    drawn = []
    for widget in (PlainSelect, forms.Select):

        class Filters(forms.Form):
            meeting = forms.TypedChoiceField(
                choices=CHOICES, required=False, coerce=int, empty_value=None, widget=widget
            )
            state = forms.ChoiceField(choices=[("FR", "France")], widget=widget)

        form = Filters({"meeting": value} if not errors else {"meeting": "99"})
        form.is_valid()
        drawn.append(str(form["meeting"]) + str(form["state"]))
    return drawn[0], drawn[1]


def test_a_filter_select_draws_what_djangos_select_draws():
    for value in ("", "3", "12"):
        drawn, django = both(value)
        assert parse_html(drawn) == parse_html(django)


def test_a_filter_select_marks_an_invalid_choice_as_django_does():
    drawn, django = both("", errors=True)
    assert 'aria-invalid="true"' in drawn
    assert parse_html(drawn) == parse_html(django)
