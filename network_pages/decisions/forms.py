from django import forms
from django.utils.translation import gettext_lazy as _

from network_pages.meetings.models import MeetingPage
from network_pages.models import MemberState

from .models import ActionProgress, ActionStatus


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: MeetingPage) -> str:
        return f"{obj.title} ({obj.opening:%Y-%m-%d})"


class StateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: MemberState) -> str:
        return obj.name


class RegisterFilterForm(forms.Form):
    meeting = MeetingChoiceField(
        label=_("Meeting"),
        required=False,
        queryset=MeetingPage.objects.filter(alias_of__isnull=True).order_by("-opening"),
        empty_label=_("All meetings"),
    )
    state = StateChoiceField(
        label=_("Member state"),
        required=False,
        queryset=MemberState.objects.all(),
        to_field_name="code",
        empty_label=_("All member states"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("All action points")),
            ("open", _("Still open")),
            ("overdue", _("Overdue")),
            *ActionStatus.choices,
        ],
    )


class ProgressForm(forms.ModelForm):
    class Meta:
        model = ActionProgress
        fields = ["status", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
