"""A form's labels written in Python (`nfp_site.plain_label`, issue 17) are, byte for byte,
what Django's label template draws: the tag, its attributes, the suffix, the escaping, a
required field's class, in English and French."""

import pytest
from django import forms
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from nfp_site.plain_label import PlainLabels


def fields() -> dict:
    return {
        "q": forms.CharField(label=_("Search the network area")),
        "hostile": forms.CharField(label='<script>alert("x")</script> & co', required=False),
        "asked": forms.CharField(label="Ends in a question?", required=False),
        "markup": forms.CharField(label=mark_safe("<em>Emphasis</em>"), required=False),
        "kind": forms.ChoiceField(label=_("Kind"), choices=[("", "-")], required=False),
        "since": forms.DateField(label=_("From"), required=False),
        "blank": forms.CharField(label="", required=False),
    }


Drawn = type("Drawn", (forms.Form,), fields())
Written = type("Written", (PlainLabels,), fields())


def labels(form: forms.Form) -> list[str]:
    drawn = []
    for field in form:
        drawn += [
            str(field.label_tag()),
            str(field.label_tag(attrs={"class": "x", "data-y": 'a"b', "hidden": True})),
            str(field.label_tag(contents="Other <b>", label_suffix=" →", tag="legend")),
            str(field.legend_tag()),
        ]
    return drawn


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    "options", [{}, {"auto_id": False}, {"auto_id": "f-%s"}, {"label_suffix": ""}]
)
def test_written_labels_are_what_djangos_template_draws(language, options):
    with translation.override(language):
        drawn, written = Drawn({}, **options), Written({}, **options)
        drawn.required_css_class = written.required_css_class = "required"
        assert labels(written) == labels(drawn)
        assert str(written) == str(drawn)
