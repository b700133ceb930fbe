from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from network_pages import roles
from network_pages.community.models import (
    MemberComment,
    Membership,
    Rapporteur,
    ThematicGroupPage,
)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        name = user.get_full_name() or user.get_username()
        return f"{name} ({user.get_username()})"


def network_people(*group_names: str):
    return (
        get_user_model()
        ._default_manager.filter(is_active=True, groups__name__in=group_names)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def thematic_groups():
    return ThematicGroupPage.objects.filter(alias_of__isnull=True).order_by("title")


class MembershipForm(forms.ModelForm):
    """4.8: the DMR adds a member of the network to a thematic group."""

    class Meta:
        model = Membership
        fields = ["user", "group"]
        field_classes = {"user": PersonChoiceField}

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = network_people(*roles.MEMBER_GROUPS)
        self.fields["group"].queryset = thematic_groups()


class RapporteurForm(forms.ModelForm):
    """4.8: the DMR appoints a thematic rapporteur, who volunteered, for a term."""

    class Meta:
        model = Rapporteur
        fields = ["user", "thematic_group", "theme", "start_date", "end_date", "volunteered"]
        field_classes = {"user": PersonChoiceField}
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = network_people(roles.FOCAL_POINTS)
        self.fields["thematic_group"].queryset = thematic_groups()


class CommentModerationForm(forms.ModelForm):
    """4.9: the DMR hides a comment with a reason, or shows it again. The text is shown
    here, escaped, and cannot be changed."""

    text = forms.CharField(
        label=_("Comment"),
        required=False,
        disabled=True,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    hidden = forms.BooleanField(label=_("Hidden"), required=False)

    class Meta:
        model = MemberComment
        fields = ["hidden_reason"]

    def __init__(self, *args, **kwargs):
        kwargs.pop("for_user", None)
        super().__init__(*args, **kwargs)
        self.fields["text"].initial = self.instance.body
        self.fields["hidden"].initial = self.instance.is_hidden
        self.order_fields(["text", "hidden", "hidden_reason"])

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("hidden") and not (cleaned_data.get("hidden_reason") or "").strip():
            self.add_error("hidden_reason", _("Give the reason for hiding this comment."))
        return cleaned_data

    def validate_unique(self) -> None:
        """The moderation is saved by `posting.hide_comment` / `restore_comment`, which keep
        the model's constraints; the form's half-updated instance is never saved."""
