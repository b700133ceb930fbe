"""A form field's `<label>` written in Python, with the markup of Django's own template.

`BoundField.label_tag` draws each label through the template engine (label.html, which
includes attrs.html): ~0.3 ms a label on this machine, some 2 ms of every members' search,
whose form has seven (issue 17). Same context, same markup, no template."""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from nfp_site.plain_select import written_attributes


def written_label(context: dict) -> SafeString:
    """django/forms/label.html (and attrs.html) for `BoundField.label_tag`'s context: the
    tag with its attributes (False left out, True a bare name), the label escaped unless it
    is markup; the label alone when there is no tag."""
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return mark_safe(label)  # noqa: S308 - escaped above
    tag = conditional_escape(context["tag"])
    # attrs.html's `{{ value|stringformat:'s' }}` is the value's string, escaped unless
    # markup: as a select's attributes are written.
    attributes = written_attributes(context["attrs"] or {})
    return mark_safe(f"<{tag}{attributes}>{label}</{tag}>")  # noqa: S308 - escaped


class PlainLabels(forms.Form):
    """A form whose labels are written in Python (`written_label`); anything else it renders
    goes through its renderer as before."""

    def render(self, template_name=None, context=None, renderer=None) -> SafeString:
        if template_name == self.template_name_label and context is not None and renderer is None:
            return written_label(context)
        return super().render(template_name, context, renderer)
