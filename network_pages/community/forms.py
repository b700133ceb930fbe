from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.forms import BoundField
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from network_pages.community.models.notification_preference import (
    DEFAULT_DELIVERY,
    Delivery,
    Kind,
    NotificationPreference,
)
from nfp_site import fragments


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


@dataclass(frozen=True)
class RenderedField:
    """A field of an unbound `NotificationPreferencesForm` as the settings page reads it."""

    as_field_group: SafeString
    errors: tuple = ()


def preference_fields(form: NotificationPreferencesForm) -> list[BoundField | RenderedField]:
    """The form's fields for the settings page. Unbound, each is rendered once per process for
    each language and set of choices (issue 17): six radio lists through Django's form
    templates cost a third of the page. The choices and the language are all the rendering
    reads (no error, no user), so a reader is only given the rendering of their own choices."""
    if form.is_bound:
        return list(form)
    choices = tuple((name, field.initial) for name, field in form.fields.items())
    key = ("community.preference_fields", get_language(), choices)
    rendered = fragments.kept(key, lambda: _rendered_fields(form))
    return [RenderedField(html) for html in rendered]


def _rendered_fields(form: NotificationPreferencesForm) -> tuple[SafeString, ...]:
    return tuple(field.as_field_group() for field in form)


class FollowForm(forms.Form):
    action = forms.ChoiceField(choices=[("follow", "follow"), ("unfollow", "unfollow")])
    next = forms.CharField(required=False, max_length=2000)
