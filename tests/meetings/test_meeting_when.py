"""A meeting's time says it is Paris time in the reader's language (meeting_when)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone, translation

from network_pages.meetings.templatetags.meeting_when import when_text

PARIS = ZoneInfo("Europe/Paris")


def test_a_meetings_time_says_paris_time_in_english_and_in_french():
    opening = datetime(2027, 3, 3, 9, 30, tzinfo=PARIS)
    closing = datetime(2027, 3, 3, 17, 0, tzinfo=PARIS)
    with timezone.override(PARIS):
        with translation.override("en"):
            assert when_text(opening, closing).endswith("(Paris time)")
        with translation.override("fr"):
            french = when_text(opening, closing)
    assert french.endswith("(heure de Paris)")
    assert "Paris time" not in french
