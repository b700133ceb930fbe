"""Forms of the joint approval (3.3): approving (with the precaution review), requesting
changes and withdrawing a public page. No model imports: the task model uses them."""

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from workflows import precaution
from workflows.tally import PartyTally


class RejectionForm(forms.Form):
    """Any party ends the task by requesting changes; the comment says which (3.3)."""

    comment = forms.CharField(
        label=_("What must change"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what must change.")},
    )


class ApprovalForm(forms.Form):
    """Approve the reviewed revision for a party; the reviewing party ticks the checklist."""

    revision_id = forms.IntegerField(widget=forms.HiddenInput)
    notes = forms.CharField(
        label=_("Notes of the precaution review"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self,
        *args,
        parties: Sequence[PartyTally],
        revision_id: int,
        **kwargs,
    ) -> None:
        super().__init__(*args, initial={"revision_id": revision_id}, **kwargs)
        self.parties = list(parties)
        if len(self.parties) > 1:
            self.fields["party"] = forms.TypedChoiceField(
                label=_("You approve on behalf of"),
                coerce=int,
                choices=[(p.party.group_id, p.name) for p in self.parties],
                widget=forms.RadioSelect,
                help_text=_("One person counts for one party only."),
            )
        self.reviews = any(party.party.precaution_review for party in self.parties)
        if self.reviews:
            self.fields["checklist"] = forms.MultipleChoiceField(
                label=_("Precaution review"),
                choices=precaution.checklist(),
                widget=forms.CheckboxSelectMultiple,
                required=False,
                help_text=_(
                    "Required when you approve for a party that completes the precaution review."
                ),
            )
            self.order_fields(["revision_id", "party", "checklist", "notes", "comment"])
        else:
            del self.fields["notes"]

    def chosen_party(self) -> PartyTally | None:
        if len(self.parties) == 1:
            return self.parties[0]
        chosen = self.cleaned_data.get("party")
        return next((p for p in self.parties if p.party.group_id == chosen), None)

    def clean(self):
        cleaned = super().clean()
        party = self.chosen_party()
        if party is not None and party.party.precaution_review:
            ticked = set(cleaned.get("checklist") or ())
            if any(key not in ticked for key, _label in precaution.checklist()):
                self.add_error(
                    "checklist", _("Tick every item of the precaution review before approving.")
                )
        return cleaned

    def approval_kwargs(self) -> dict:
        party = self.chosen_party()
        return {
            "revision_id": self.cleaned_data["revision_id"],
            "party": party.party.group_id if party else None,
            "checklist": list(self.cleaned_data.get("checklist") or ()),
            "notes": self.cleaned_data.get("notes", ""),
            "comment": self.cleaned_data.get("comment", ""),
        }


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the withdrawal"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept in the page history. The page is unpublished in every language."),
        error_messages={"required": _("Give the reason for the withdrawal.")},
    )
