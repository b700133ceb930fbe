"""Forms of the meetings: the page editor's, the members' (suggest, attend, calendar feed)
and the DMR's (convocation, declining a suggestion)."""

from functools import partial

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model

from network_pages.meetings.models.agenda_suggestion import AgendaSuggestion
from network_pages.meetings.models.attendance import Attendance
from network_pages.models import MemberProfile


def profile_label(profile: MemberProfile) -> str:
    if profile.member_state_id:
        return f"{profile.display_name} ({profile.member_state.name})"
    return f"{profile.display_name} ({profile.get_function_display()})"


class MeetingPageForm(WagtailAdminPageForm):
    """The meeting page editor: an https link, readable member choices, no twice-invited
    external participant."""

    online_link = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("The video conference address, if the meeting can be followed online."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "invited_members" in self.fields:
            field = self.fields["invited_members"]
            field.queryset = (
                MemberProfile.objects.filter(is_active=True)
                .exclude(function=MemberProfile.Function.GUEST)
                .select_related("user", "member_state")
                .order_by("member_state__name_en", "user__last_name", "user__first_name")
            )
            field.label_from_instance = profile_label
            # Read once: the widget, its telepath definition and the panel each list the
            # choices (three queries of every member's profile otherwise).
            field.widget.choices = [choice for choice in field.choices]  # no COUNT first
        if "meeting_documents" in self.formsets:
            _read_chosen_documents_at_once(self.formsets["meeting_documents"])

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("external_participants")
        if formset is not None:
            seen: set[str] = set()
            for form in formset.forms:
                if not form.is_valid() or form.cleaned_data.get("DELETE"):
                    continue
                email = (form.cleaned_data.get("email") or "").lower()
                if email and email in seen:
                    form.add_error("email", _("This person is already listed."))
                seen.add(email)
        return cleaned_data


def _read_chosen_documents_at_once(formset) -> None:
    """Each row's document chooser reads its document by itself (one query per document of
    the meeting): read them all in one and hand each chooser the ones it may show."""
    ids = [form.initial.get("document") for form in formset.forms]
    documents = get_document_model().objects.in_bulk([pk for pk in ids if pk])
    for form in formset.forms:
        widget = form.fields["document"].widget
        widget.get_instance = partial(_known_or_read, documents, widget.get_instance)


def _known_or_read(documents: dict, read, value):
    return documents.get(value) if value in documents else read(value)


class AgendaSuggestionForm(forms.ModelForm):
    """4.4: a Focal Point suggests an item for the draft agenda."""

    class Meta:
        model = AgendaSuggestion
        fields = ["title", "rationale"]
        labels = {"title": _("Suggested agenda item"), "rationale": _("Why this item?")}
        help_texts = {
            "rationale": _("A few sentences for the DMR and the other members (1,000 characters)."),
        }
        widgets = {"rationale": forms.Textarea(attrs={"rows": 4})}


class AttendanceForm(forms.Form):
    response = forms.ChoiceField(
        label=_("Will you attend?"),
        choices=Attendance.Response.choices,
        widget=forms.RadioSelect,
    )


class ConvocationForm(forms.Form):
    """The DMR's confirmation. Past the deadline (4.1) it needs the box and a reason."""

    expected_sequence = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    confirm_late = forms.BooleanField(
        label=_(
            "I confirm sending this convocation less than 30 working days before the opening day"
        ),
        required=False,
    )
    late_reason = forms.CharField(
        label=_("Reason for the late convocation"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the meeting page to every participant."),
    )

    def __init__(self, *args, is_late: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_late = is_late
        if not is_late:
            del self.fields["confirm_late"]
            del self.fields["late_reason"]

    def clean(self):
        cleaned_data = super().clean()
        if self.is_late:
            if not cleaned_data.get("confirm_late"):
                self.add_error(
                    "confirm_late",
                    _("Tick this box to send the convocation after its deadline."),
                )
            if not (cleaned_data.get("late_reason") or "").strip():
                self.add_error("late_reason", _("Give the reason for the late convocation."))
        return cleaned_data


class DeclineSuggestionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Emailed to the Focal Point who made the suggestion."),
    )
