from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from network_pages.models import MemberState

from .models import SearchEntry

MAX_QUERY_LENGTH = 200


class DateInput(forms.DateInput):
    input_type = "date"


class MemberStateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: MemberState) -> str:
        return obj.name


class NetworkSearchForm(forms.Form):
    """The query and its filters (GET): kind, member state, language, dates."""

    q = forms.CharField(label=_("Search the network area"), max_length=MAX_QUERY_LENGTH)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *SearchEntry.Kind.choices],
    )
    state = MemberStateChoiceField(
        label=_("Member state"),
        required=False,
        queryset=MemberState.objects.all(),
        to_field_name="code",
        empty_label=_("All member states"),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.LANGUAGES],
    )
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Until"), required=False, widget=DateInput)

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period comes before its start."))
        return cleaned
