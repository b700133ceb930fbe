"""A filter select is drawn once per process (`nfp_site.plain_select`, issue 17) and is, byte
for byte, what it was when drawn at every use: the options, the chosen one, the groups, the
escaping and the field's attributes, in English and French; a label or a choice that changes
draws it again."""

import pytest
from django import forms
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext_lazy as _

from network_pages.models import MemberState
from nfp_site import plain_select
from nfp_site.plain_select import PlainSelect


def _old_attributes(attrs: dict) -> str:
    written = []
    for name, value in attrs.items():
        if value is False:
            continue
        written.append(f" {conditional_escape(name)}")
        if value is not True:
            text = value if isinstance(value, SafeData) else str(value)
            written.append(f'="{conditional_escape(text)}"')
    return "".join(written)


class OldPlainSelect(forms.Select):
    """The select as it was drawn at every use (before it was kept), for comparison."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [
            format_html('<select name="{}"', widget["name"]),
            _old_attributes(widget["attrs"]),
            ">",
        ]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                option_attributes = _old_attributes(option["attrs"]) if option["attrs"] else ""
                parts.append(
                    f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                    f"{option_attributes}>{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


class OldMultiple(OldPlainSelect):
    allow_multiple_selected = True


class KeptMultiple(PlainSelect):
    allow_multiple_selected = True


HOSTILE = [
    ("", _("All meetings")),
    (None, "None <b>"),
    (3, 'Plenary <script>alert("x")</script> & co'),
    ("12", "Bureau « 2027 » 'quoted'"),
    ("<v>", mark_safe("<em>markup</em>")),
    (mark_safe("a&amp;b"), "safe value"),
    ("Group & <one>", [(7, "Seven & <7>"), (None, "no value"), ("12", "twelve again")]),
    ("", [(8, "in an unnamed group")]),
    (0, [(9, "in group 0")]),
]


def drawn(widget: type[forms.Select], value, *, errors: bool = False, required: bool = False):
    class Filters(forms.Form):
        meeting = forms.ChoiceField(
            label=_("Meeting"),
            choices=HOSTILE,
            required=required,
            widget=widget(attrs={"class": "filter", "data-x": 'a"b', "hidden": False}),
        )

    form = Filters({"meeting": value} if not errors else {"meeting": "nope"})
    form.is_valid()
    return str(form["meeting"])


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("value", ["", "3", "12", "None", "<v>", "a&amp;b", "7", "8", "9"])
@pytest.mark.parametrize("required", [False, True])
def test_a_kept_select_is_byte_for_byte_what_was_drawn_at_every_use(language, value, required):
    with translation.override(language):
        for _attempt in range(2):  # drawn, then kept
            assert drawn(PlainSelect, value, required=required) == drawn(
                OldPlainSelect, value, required=required
            )


def test_an_invalid_choice_is_marked_as_before():
    kept = drawn(PlainSelect, "", errors=True)
    assert 'aria-invalid="true"' in kept
    assert kept == drawn(OldPlainSelect, "", errors=True)


def test_a_multiple_select_selects_every_value_chosen_as_before():
    for chosen in ([], ["3"], ["3", "12", "7"]):
        old, kept = OldMultiple(choices=HOSTILE), KeptMultiple(choices=HOSTILE)
        assert kept.render("m", chosen, {"id": "id_m"}) == old.render("m", chosen, {"id": "id_m"})


def test_a_label_in_another_language_draws_the_select_again():
    with translation.override("en"):
        english = drawn(PlainSelect, "")
    with translation.override("fr"):
        french = drawn(PlainSelect, "")
    assert "All meetings" in english
    assert "Toutes les réunions" in french


def test_a_select_is_drawn_once_then_kept():
    plain_select._drawn.cache_clear()
    drawn(PlainSelect, "3")
    drawn(PlainSelect, "3")
    info = plain_select._drawn.cache_info()
    assert (info.misses, info.hits) == (1, 1)
    drawn(PlainSelect, "12")  # another choice made: drawn again
    assert plain_select._drawn.cache_info().misses == 2


@pytest.mark.django_db
def test_a_renamed_member_state_is_offered_under_its_new_name():
    class States(forms.Form):
        state = forms.ModelChoiceField(
            queryset=MemberState.objects.order_by("pk"), to_field_name="code", widget=PlainSelect
        )

    state = MemberState.objects.order_by("pk").first()
    assert state is not None
    before = str(States()["state"])
    state.name_en = "Renamed <state>"
    state.save()
    after = str(States()["state"])
    assert "Renamed &lt;state&gt;" in after and "Renamed" not in before
