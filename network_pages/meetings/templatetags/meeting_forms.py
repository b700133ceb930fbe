"""The meeting page's forms (attendance, a suggestion for the agenda), written as
`_form_fields.html` writes them:

{% load meeting_forms %}
{% meeting_form_fields attendance_form %}

Empty, they are the same for every reader with the same initial answer in the same
language: written once per process for each (issue 17; through Django's form templates they
cost a fifth of the meeting page). A form sent back with its errors is written each time.
"""

from django import template
from django.forms import Form
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from network_pages.community.comments.forms import FORM_FIELDS_TEMPLATE
from network_pages.meetings.forms import AgendaSuggestionForm, AttendanceForm
from nfp_site import fragments

register = template.Library()

# Forms whose fields, labels and choices are fixed (nothing read from the reader or the
# database): their rendering depends on the language and the initial values alone.
FIXED_FORMS = (AttendanceForm, AgendaSuggestionForm)


@register.simple_tag
def meeting_form_fields(form: Form) -> SafeString:
    """`{% include "network_pages/accounts/_form_fields.html" with form=form %}`."""
    if form.is_bound or type(form) not in FIXED_FORMS or form.prefix or form.auto_id != "id_%s":
        return _written(form)
    initial = tuple(
        (name, form.get_initial_for_field(field, name)) for name, field in form.fields.items()
    )
    key = ("meetings.form_fields", type(form).__name__, get_language(), initial)
    return fragments.kept(key, lambda: _written(form))


def _written(form: Form) -> SafeString:
    return render_to_string(FORM_FIELDS_TEMPLATE, {"form": form})
