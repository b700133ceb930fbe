"""The notification settings page renders the same HTML as before its empty form was written
once per process and its links built from the site root paths (issue 17; the code before is
kept verbatim in `settings_before.py`): in English and in French, for a Focal Point and for
the DMR, with hostile titles, in no more queries; and each reader is shown their own choices."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network_pages.community.factories import make_update
from network_pages.community.models import NotificationPreference
from network_pages.community.models.notification_preference import Delivery, Kind
from network_pages.community.notifications import follow
from network_pages.community.views import NotificationSettingsView
from tests.conftest import sign_in

from . import settings_before

pytestmark = pytest.mark.django_db

SETTINGS = {"en": "/en/notifications/", "fr": "/fr/notifications/"}
HOSTILE = "<script>alert(\"followed\")</script> & “Minutes” 'quoted'"
# Each rendering has its own masked CSRF token.
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def followed(group, working_methods, focal_point, dmr_user):
    """Both readers follow a page with a hostile title and the working methods; the Focal
    Point has chosen otherwise than the default for two kinds of event."""
    hostile = make_update(group, HOSTILE)
    for user in (focal_point, dmr_user):
        follow(user, hostile)
        follow(user, working_methods)
    NotificationPreference.objects.create(user=focal_point, kind=Kind.COMMENT, delivery="off")
    NotificationPreference.objects.create(
        user=focal_point, kind=Kind.ITEM, delivery=Delivery.IMMEDIATE
    )


def settings_page(client, language: str, data=None, query: str = "") -> tuple[str, int]:
    """The page's HTML (CSRF tokens left out) and its queries: shown, or sent back."""
    with CaptureQueriesContext(connection) as queries:
        if data is None:
            response = client.get(SETTINGS[language] + query)
        else:
            response = client.post(SETTINGS[language], data)
    return CSRF.sub("CSRF", response.content.decode()), len(queries)


def settings_page_before(
    monkeypatch, client, language: str, data=None, query: str = ""
) -> tuple[str, int]:
    with monkeypatch.context() as before:
        view = NotificationSettingsView
        before.setattr(view, "get_context_data", settings_before.get_context_data)
        before.setattr(view, "render_to_response", settings_before.render_to_response)
        return settings_page(client, language, data, query)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_settings_page_renders_as_before_in_no_more_queries(
    followed, client, monkeypatch, request, reader, language
):
    client = sign_in(client, request.getfixturevalue(reader))
    settings_page_before(monkeypatch, client, language)  # each way once: caches warm
    settings_page(client, language)

    before, queries_before = settings_page_before(monkeypatch, client, language)
    after, queries_after = settings_page(client, language)

    assert "&lt;script&gt;alert(&quot;followed&quot;)&lt;/script&gt;" in after
    if reader == "focal_point":  # their own choice, not the default
        assert 'value="off" required id="id_comment_2" checked' in after
    assert after == before
    assert queries_after <= queries_before


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_followed_pages_forms_send_back_a_hostile_address_escaped_as_before(
    followed, client, monkeypatch, request, reader, language
):
    """Each row's form sends the reader back to the page's path and query, as it was."""
    client = sign_in(client, request.getfixturevalue(reader))
    query = "?page=1&x=%3Cscript%3E%22%27%26"

    before, _ = settings_page_before(monkeypatch, client, language, query=query)
    after, _ = settings_page(client, language, query=query)

    assert "x=%3Cscript%3E%22%27%26" in after
    assert after.count('name="action" value="unfollow"') == 2
    assert after == before


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_choice_sent_back_with_an_error_renders_as_before(
    followed, client, monkeypatch, focal_point, language
):
    client = sign_in(client, focal_point)
    refused = {"comment": "<script>", "reply": "off"}

    before, _ = settings_page_before(monkeypatch, client, language, refused)
    after, _ = settings_page(client, language, refused)

    assert "field--error" in after
    assert after == before


def test_each_reader_is_shown_their_own_choices_after_another_readers(
    followed, client, focal_point, dmr_user
):
    """The written form is shared by readers with the same choices, never across choices."""
    checked = re.compile(r'value="(\w+)" required id="id_comment_\d" checked')
    fp_html, _ = settings_page(sign_in(client, focal_point), "en")
    dmr_html, _ = settings_page(sign_in(client, dmr_user), "en")
    fp_again, _ = settings_page(sign_in(client, focal_point), "en")

    assert checked.findall(fp_html) == ["off"]
    assert checked.findall(dmr_html) == ["digest"]
    assert checked.findall(fp_again) == ["off"]
