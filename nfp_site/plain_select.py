"""A `<select>` written in Python, with the markup of Django's own templates.

Django renders a select through its template engine with one include per option and one
more for each option's attributes: ~0.1 ms per option on this machine, and the listings'
filters offer every member state, theme, tag and meeting (100 to 150 options at the
network's size, issue 17). Same context (`get_context`), same markup, no template."""

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, SafeString, mark_safe


def _attributes(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html, in the attributes' own order (Django's `flatatt`
    sorts them: an invalid or required field's attributes came out in another order than
    Django's select writes them): False is left out, True is a bare name, any other value
    its string, escaped unless it is markup."""
    written = []
    for name, value in attrs.items():
        if value is False:
            continue
        written.append(f" {conditional_escape(name)}")
        if value is not True:
            text = value if isinstance(value, SafeData) else str(value)
            written.append(f'="{conditional_escape(text)}"')
    return "".join(written)


class PlainSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        name_and_attributes = format_html('<select name="{}"', widget["name"])
        parts = [name_and_attributes, _attributes(widget["attrs"]), ">"]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                # As select_option.html: the value as a string and the label, escaped.
                option_attributes = _attributes(option["attrs"]) if option["attrs"] else ""
                parts.append(
                    f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                    f"{option_attributes}>{conditional_escape(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
