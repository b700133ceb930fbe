from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from network_pages.community.models.notification_preference import (
    DEFAULT_DELIVERY,
    Delivery,
    Kind,
    NotificationPreference,
)


class NotificationPreferencesForm(forms.Form):
    """One choice per kind of event: immediately, in the daily digest, or never."""

    def __init__(self, *args, user, **kwargs):
        self.user = user
        saved = dict(
            NotificationPreference.objects.filter(user=user).values_list("kind", "delivery")
        )
        super().__init__(*args, **kwargs)
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=saved.get(kind.value, DEFAULT_DELIVERY[kind]),
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the options.")},
            )

    @transaction.atomic
    def save(self) -> None:
        for kind in Kind:
            NotificationPreference.objects.update_or_create(
                user=self.user,
                kind=kind.value,
                defaults={"delivery": self.cleaned_data[kind.value]},
            )


class FollowForm(forms.Form):
    action = forms.ChoiceField(choices=[("follow", "follow"), ("unfollow", "unfollow")])
    next = forms.CharField(required=False, max_length=2000)
