"""Requests, responses and items in the network area, for the information app's tests."""

import pytest
from django.utils import timezone

from network_pages.area_addresses import localized
from network_pages.information.factories import make_request
from network_pages.information.site_setup import ensure_information_indexes

QUESTIONS = (
    "Which authority receives unaccompanied minors?",
    "How is the age of a young applicant assessed?",
    "Which guardianship measures apply on arrival?",
)


def request_url(page, route: str = "", *, language: str = "en") -> str:
    return localized(f"/{language}/network/information-requests/{page.slug}/{route}")


def response_form_data(page, answers, *, version=0, language="en", action="save", **extra):
    """POST data for the response form: `answers` maps a question number to its text, or
    to None for "no information available"."""
    data = {"version": str(version), "language": language, action: "1"}
    for question in page.numbered_questions():
        if question.number not in answers:
            continue
        text = answers[question.number]
        if text is None:
            data[f"no_information_{question.pk}"] = "on"
        else:
            data[f"answer_{question.pk}"] = text
    data.update(extra)
    return data


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded documents go to a temporary folder, never into the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def indexes(network):
    return ensure_information_indexes(network)


@pytest.fixture
def request_index(indexes):
    return indexes[0]


@pytest.fixture
def item_index(indexes):
    return indexes[1]


@pytest.fixture
def open_request(request_index):
    return make_request(
        request_index,
        title="Reception of unaccompanied minors",
        questions=QUESTIONS,
        deadline=timezone.localdate() + timezone.timedelta(days=20),
    )
