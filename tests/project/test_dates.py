"""Rule: dates and times read one way per language, through the locale's formats, in Paris time."""

from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.utils import translation


def render(source: str, language: str, **values) -> str:
    with translation.override(language):
        return Template(source).render(Context(values))


OPENING = datetime(2026, 12, 1, 13, 30, tzinfo=UTC)  # 14:30 in Paris


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1 December 2026, 14:30"), ("fr", "1er décembre 2026 à 14:30")],
)
def test_a_date_and_time_reads_the_same_way_everywhere_in_paris_time(language, expected):
    assert render('{{ when|date:"DATETIME_FORMAT" }}', language, when=OPENING) == expected


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("en", date(2026, 12, 1), "1 December 2026"),
        ("fr", date(2026, 12, 1), "1er décembre 2026"),
        ("fr", date(2026, 12, 2), "2 décembre 2026"),
        ("fr", date(2026, 12, 11), "11 décembre 2026"),
    ],
)
def test_a_date_is_day_month_year_and_french_says_1er(language, day, expected):
    assert render("{{ day|date }}", language, day=day) == expected
    assert render('{{ day|date:"DATE_FORMAT" }}', language, day=day) == expected


def test_machine_formats_are_left_alone():
    assert render('{{ day|date:"Y-m-d" }}', "fr", day=date(2026, 12, 1)) == "2026-12-01"
    assert render('{{ day|date:"j" }}', "fr", day=date(2026, 12, 1)) == "1"


def test_no_date_renders_as_nothing():
    assert render("{{ missing|date }}", "fr") == ""
