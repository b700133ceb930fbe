"""`ChoiceLabels` (the work lists' `get_FIELD_display`, its choices read once) writes what
Django's `get_FIELD_display` writes, in English and French, for every choice and for a
value outside the choices."""

import pytest
from django.utils import translation

from network_pages.community.worklists import ChoiceLabels
from network_pages.meetings.models import AgendaSuggestion, MeetingKind, MeetingPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", [*MeetingKind.values, "not-a-kind"])
def test_a_meeting_kind_label_is_the_models_display(language, kind):
    meeting = MeetingPage(title="Meeting", kind=kind)
    with translation.override(language):
        assert ChoiceLabels(MeetingPage, "kind")(meeting) == meeting.get_kind_display()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("status", [*AgendaSuggestion.Status.values, "not-a-status"])
def test_a_suggestion_status_label_is_the_models_display(language, status):
    suggestion = AgendaSuggestion(title="Item", status=status)
    with translation.override(language):
        labels = ChoiceLabels(AgendaSuggestion, "status")
        assert labels(suggestion) == suggestion.get_status_display()
        assert isinstance(labels(suggestion), str)


def test_the_label_is_in_the_language_active_when_it_is_shown():
    labels = ChoiceLabels(AgendaSuggestion, "status")
    suggestion = AgendaSuggestion(title="Item", status=AgendaSuggestion.Status.PENDING)
    with translation.override("fr"):
        assert labels(suggestion) == suggestion.get_status_display()
    with translation.override("en"):
        assert labels(suggestion) == suggestion.get_status_display()
