"""A `<select>` written in Python, with the markup of Django's select.html, select_option.html
and attrs.html: through the template engine a member state filter (46 states and "All")
cost ~3.5 ms, an include per option (issue 17). Values and labels are escaped as the
templates escaped them (`tests/network_pages/test_select_widget.py` compares both)."""

from django import forms
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, SafeString, mark_safe


def _text(value) -> str:
    """`{{ value }}`: localized, escaped unless it is markup."""
    value = localize(value)
    return conditional_escape(value if isinstance(value, str) else str(value))


def _formatted(value) -> str:
    """`{{ value|stringformat:'s' }}`: the value's string, escaped unless it is markup."""
    return value if isinstance(value, SafeData) else escape(str(value))


def _attrs(attrs: dict) -> str:
    """As attrs.html (`value|stringformat:'s'`: a string of the value, escaped unless safe)."""
    written = []
    for name, value in attrs.items():
        if value is False:
            continue
        written.append(f" {_text(name)}")
        if value is not True:
            written.append(f'="{_formatted(value)}"')
    return "".join(written)


class PlainSelect(forms.Select):
    """`forms.Select` without its templates (same markup, same context)."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, group_choices, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{_text(group_name)}">')
            for option in group_choices:
                value = _formatted(option["value"])
                parts.append(
                    f'\n  <option value="{value}"{_attrs(option["attrs"])}>'
                    f"{_text(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")  # the renderer strips the template's last newline
        return mark_safe("".join(parts))  # noqa: S308 - escaped above
