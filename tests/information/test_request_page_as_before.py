"""The request's page writes its matrix byte for byte as before (issue 17): the reader's time
zone read once for the 46 rows' dates, the date writer kept per language and made of one
`str.format` template. The view and the writer as they were are kept in
`request_page_before.py`."""

import re
from datetime import UTC, datetime

import pytest
from django.utils import dateformat, formats, translation

from network_pages.date_text import datetime_formatter, formatter_for
from network_pages.information.factories import make_response
from network_pages.information.models import Response
from network_pages.information.views import requests as request_views
from network_pages.models import MemberState
from tests.conftest import sign_in

from .conftest import request_url
from .request_page_before import old_datetime_formatter, old_request_detail

pytestmark = pytest.mark.django_db

# In Paris: the first of a month (French « 1er »), a change of day across midnight, a change
# of year, summer and winter time.
CHANGED_AT = {
    "DE": datetime(2027, 3, 31, 22, 30, tzinfo=UTC),  # 1 April, 00:30 in Paris
    "IT": datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),  # 1 January 2027
    "PL": datetime(2027, 7, 14, 9, 0, tzinfo=UTC),
    "FR": datetime(2027, 10, 31, 1, 30, tzinfo=UTC),
}


@pytest.fixture
def hostile_matrix(open_request):
    """Names with markup, quotes and ampersands in both languages; responses submitted, with
    no information, and a draft (France's: the Focal Point's own), each changed at a moment
    its date depends on the time zone."""
    open_request.title = "Minors <script>alert('x')</script> & \"guardians\""
    open_request.save()
    MemberState.objects.filter(code="DE").update(
        name_en="Germany <b>&amp; \"Co\"</b> 'x'", name_fr="Allemagne <script>&</script>"
    )
    MemberState.objects.filter(code="IT").update(name_en="Ä <i>Italy</i>", name_fr="É & <Italie>")
    make_response(open_request, "DE", ["<b>a</b> & 'b'", '"c"', "d"])
    make_response(open_request, "IT", ["a", None, "c"])
    make_response(open_request, "PL", [None, None, None])
    make_response(open_request, "FR", ["draft"], status=Response.Status.DRAFT)
    for code, moment in CHANGED_AT.items():
        Response.objects.filter(request=open_request, member_state__code=code).update(
            updated_at=moment
        )
    return open_request


def _without_tokens(body: str) -> str:
    """The CSRF token and the comment form's submission key: new at every reading."""
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)
    return re.sub(r'name="submission_key" value="[0-9a-f-]{36}"', "", body)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_request_page_is_byte_for_byte_the_page_written_before(
    client, monkeypatch, request, hostile_matrix, language, reader
):
    sign_in(client, request.getfixturevalue(reader))
    url = request_url(hostile_matrix, language=language)
    with monkeypatch.context() as patched:
        patched.setattr(request_views, "request_detail", old_request_detail)
        old = client.get(url)
    new = client.get(url)

    assert old.status_code == new.status_code == 200
    old_body, new_body = (
        _without_tokens(old.content.decode()),
        _without_tokens(new.content.decode()),
    )
    assert ("1er avril 2027" if language == "fr" else "1 April 2027") in new_body
    assert ("Allemagne &lt;script&gt;" if language == "fr" else "Germany &lt;b&gt;") in new_body
    assert new_body == old_body


def test_the_date_writer_writes_as_before_and_as_django_braces_and_escapes_included():
    moments = [
        datetime(year, month, day, hour, minute, tzinfo=UTC)
        for year, month, day, hour, minute in [
            (1, 1, 1, 0, 0),
            (999, 2, 28, 9, 5),
            (2027, 8, 15, 13, 59),
            (9999, 12, 31, 23, 1),
        ]
    ]
    for language in ("en", "fr"):
        with translation.override(language):
            for format_string in (
                formats.get_format("DATE_FORMAT"),
                formats.get_format("DATETIME_FORMAT"),
                "j F Y à H:i",
                "{j} {{F}} Y}",
                "\\j\\F j",
                "D j M Y",  # other characters: left to Django
            ):
                write = datetime_formatter(format_string)
                before = old_datetime_formatter(format_string)
                for moment in moments:
                    assert write(moment) == before(moment)
                    assert write(moment) == dateformat.format(moment, format_string)


def test_the_kept_date_writer_follows_the_active_language():
    first = datetime(2027, 5, 1, 8, 0, tzinfo=UTC)
    with translation.override("fr"):
        assert formatter_for("DATE_FORMAT")(first) == "1er mai 2027"
    with translation.override("en"):
        assert formatter_for("DATE_FORMAT")(first) == "1 May 2027"
    with translation.override("fr"):
        assert formatter_for("DATE_FORMAT") is formatter_for("DATE_FORMAT")
