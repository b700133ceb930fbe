"""The compilation's questions and documents written in Python (`compilation_rows`) are, byte
for byte, what the page's template loops wrote (issue 17): the template as it was, its
answers' loop included, is kept in tests/old_templates/information/request/compilation.html.
For a Focal Point and the DMR, in English and French, with names, titles, questions,
answers and stored file names to escape, documents of two states, a state without any, a
draft never compiled, and a question nobody answered."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from network_pages.information.factories import make_request, make_response
from network_pages.information.models import Response
from network_pages.information.views import compilation as compilation_views
from network_pages.models import MemberState
from tests.conftest import sign_in
from tests.old_templates import with_old_templates

from .conftest import request_url
from .test_compilation_page_as_before import _attach, _without_tokens

pytestmark = pytest.mark.django_db

FIXED_NOW = datetime(2027, 4, 1, 8, 30, tzinfo=UTC)
HOSTILE = "<script>alert('x')</script> & \"quoted\""


@pytest.fixture
def hostile_request(request_index, other_focal_point, approver):
    page = make_request(
        request_index,
        title=f"Minors {HOSTILE}",
        language="fr",
        questions=[
            f"Which authority?\r\nSecond line {HOSTILE}\rThird line\nFourth",
            "How long <b>does</b> it take?",
            "Nobody answers this one & 'that' is <i>fine</i>",
        ],
    )
    MemberState.objects.filter(code="DE").update(
        name_en=f"Germany {HOSTILE}", name_fr="Allemagne <script>&</script> 'x'"
    )
    MemberState.objects.filter(code="IT").update(name_en="Ä <i>Italy</i>", name_fr="É & <Italie>")
    get_user_model().objects.filter(pk=other_focal_point.pk).update(
        first_name="<b>Fp</b> & 'de'", last_name='"Tester"'
    )
    germany = make_response(
        page,
        "DE",
        [f"Line one {HOSTILE}\r\nLine two\rLine three", None],
        submitted_by=other_focal_point,
    )
    italy = make_response(
        page, "IT", ["Prefetture", "l'État <b>&</b>"], submitted_by=approver, language="fr"
    )
    # Submitted by nobody still there, and without any document.
    make_response(page, "FR", [None, "Oui\n\nNon"], language="fr")
    draft = make_response(page, "PL", ["draft"], status=Response.Status.DRAFT)
    _attach(germany, f"Annex {HOSTILE}", "documents/annexe d'été.pdf")
    _attach(germany, "Second & last", "documents/a b/c?d#e%20f&g<h>.txt")
    _attach(italy, f"Rapporto {HOSTILE}", "documents/rapporto <1>.pdf")
    _attach(draft, "Not submitted: never compiled", "documents/draft.pdf")
    return page


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_compilation_page_is_what_its_template_loops_wrote(
    client, monkeypatch, request, hostile_request, language, reader
):
    sign_in(client, request.getfixturevalue(reader))
    url = request_url(hostile_request, "compilation/", language=language)
    # The page says when it was compiled, to the minute: the same moment for both.
    monkeypatch.setattr(compilation_views, "timezone", SimpleNamespace(now=lambda: FIXED_NOW))
    with with_old_templates():
        old = client.get(url)
    new = client.get(url)

    assert old.status_code == new.status_code == 200
    body = _without_tokens(new.content.decode())
    assert body == _without_tokens(old.content.decode())
    # The page shows what the comparison is meant to cover.
    assert "<script>alert" not in body and "<b>Fp</b>" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body  # answers, titles
    assert "Second line" in body and "<br>" in body
    assert body.count('<section class="compiled-question"') == 3
    assert body.count("<dt>") == 2 and body.count("<dd>") == 3
    assert "never compiled" not in body
    assert ("No submitted answer yet." in body) is (language == "en")


def test_a_compilation_without_documents_has_no_documents_section(
    client, monkeypatch, open_request, focal_point
):
    make_response(open_request, "DE", ["<b>a</b> & 'b'", None, "c"])
    sign_in(client, focal_point)
    url = request_url(open_request, "compilation/")
    monkeypatch.setattr(compilation_views, "timezone", SimpleNamespace(now=lambda: FIXED_NOW))
    with with_old_templates():
        old = client.get(url)
    new = client.get(url)

    body = _without_tokens(new.content.decode())
    assert body == _without_tokens(old.content.decode())
    assert 'id="compiled-documents"' not in body
