"""A `<select>` written in Python, with the markup of Django's own templates, each one drawn
once per process.

Django renders a select through its template engine with one include per option and one
more for each option's attributes: ~0.1 ms per option on this machine, and the listings'
filters offer every member state, theme, tag and meeting (100 to 150 options at the
network's size, issue 17). Same markup, no template.

A select is a function of its name, its attributes, its choices (each value and label as
text, and whether the label is markup) and the values chosen: those are read at every use
(the choices in the active language) and the select is drawn only when they were never
drawn before in this process (`_drawn`, a bounded memo). The members' search drew its five
filters, ~150 options, at every search: some 4 ms of each."""

from functools import lru_cache

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe

# How many different selects a process keeps drawn: a select per filter, language and
# choice made, for every reader whose choices differ (a guest sees fewer meetings).
KEPT = 1024

# An attribute as `_drawn` reads it: its name, and False (left out), True (a bare name) or
# its text with whether it is markup.
Attribute = tuple[str, bool | tuple[str, bool]]
# Text as `conditional_escape` reads it: the string, and whether it is markup.
Text = tuple[str, bool]
# An option: its value and its label; a group: its name (None for a name Django's template
# leaves out: an empty one) and its options.
Option = tuple[Text, Text]
Group = tuple[Text | None, tuple[Option, ...]]
# A choice: (None, option) or (group, None).
Choice = tuple[Option | None, Group | None]


def _text(value) -> Text:
    """What `conditional_escape` writes of a value: its text, left as it is if markup."""
    if hasattr(value, "__html__"):
        return str(value.__html__()), True
    return str(value), False


def _attribute(value) -> bool | Text:
    """As django/forms/widgets/attrs.html reads a value: False and True as themselves, any
    other value as its string (escaped unless it is markup)."""
    if value is False or value is True:
        return value
    return value if isinstance(value, SafeData) else str(value), isinstance(value, SafeData)


def _written(text: Text) -> str:
    value, safe = text
    return value if safe else conditional_escape(value)


def _attributes(attributes: tuple[Attribute, ...]) -> str:
    """As django/forms/widgets/attrs.html, in the attributes' own order (Django's `flatatt`
    sorts them: an invalid or required field's attributes came out in another order than
    Django's select writes them): False is left out, True is a bare name, any other value
    its string, escaped unless it is markup."""
    written = []
    for name, value in attributes:
        if value is False:
            continue
        written.append(f" {conditional_escape(name)}")
        if value is not True:
            written.append(f'="{_written(value)}"')
    return "".join(written)


def written_attributes(attrs: dict) -> str:
    """django/forms/widgets/attrs.html for `attrs` (a select's, a label's)."""
    return _attributes(tuple((name, _attribute(value)) for name, value in attrs.items()))


@lru_cache(maxsize=KEPT)
def _drawn(
    name: str,
    attributes: tuple[Attribute, ...],
    choices: tuple[Choice, ...],
    chosen: tuple[str, ...],
    multiple: bool,
) -> SafeString:
    """The select, as Django's `ChoiceWidget.optgroups` and select.html draw it: the first
    option whose value is among `chosen` is selected (every one, for a multiple select)."""
    parts = [f'<select name="{conditional_escape(name)}"', _attributes(attributes), ">"]
    has_selected = False
    for option, group in choices:
        group_name, options = group if group else (None, (option,))
        if group_name:
            parts.append(f'\n  <optgroup label="{_written(group_name)}">')
        for value, label in options:
            selected = (not has_selected or multiple) and value[0] in chosen
            has_selected |= selected
            # As select_option.html: the value as a string and the label, escaped.
            parts.append(
                f'\n  <option value="{_written(value)}"{" selected" if selected else ""}>'
                f"{_written(label)}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


def _option(value, label) -> Option:
    """An option's value as its string (`str(value)`, markup if that is), its label as
    `conditional_escape` reads it."""
    return _text(str(value)), _text(label)


class PlainSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]
        if self.allow_multiple_selected:
            widget["attrs"]["multiple"] = True
        choices = []
        for option_value, option_label in self.choices:
            # As `ChoiceWidget.optgroups`: a value of None is written "".
            option_value = "" if option_value is None else option_value
            if isinstance(option_label, (list, tuple)):
                options = tuple(_option(*option) for option in option_label)
                group_name = _text(option_value) if option_value else None
                choices.append((None, (group_name, options)))
            else:
                choices.append((_option(option_value, option_label), None))
        return _drawn(
            widget["name"],
            tuple((key, _attribute(value)) for key, value in widget["attrs"].items()),
            tuple(choices),
            tuple(widget["value"]),
            self.allow_multiple_selected,
        )
