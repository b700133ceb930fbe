"""The compilation's page writes its documents byte for byte as before (issue 17): read as
rows (state, title, address) instead of a `Document` with its response and state each. The
function as it was is kept in `compilation_before.py`."""

import re
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from network_pages.information.factories import make_response
from network_pages.information.models import Response, ResponseAttachment
from network_pages.information.views import compilation as compilation_views
from network_pages.models import MemberState
from network_pages.network_area import ensure_network_collection
from tests.conftest import sign_in

from .compilation_before import old_compile_request
from .conftest import request_url

pytestmark = pytest.mark.django_db

FIXED_NOW = datetime(2027, 4, 1, 8, 30, tzinfo=UTC)


def _without_tokens(body: str) -> str:
    """The CSRF token: masked anew at every reading."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", body)


def _attach(response: Response, title: str, stored_name: str) -> None:
    document = get_document_model()(title=title, collection=ensure_network_collection())
    document.file.save("annex.txt", ContentFile(b"annex"), save=False)
    document.save()
    # A stored name as a storage may keep it: spaces, quotes, accents, markup, a folder.
    get_document_model().objects.filter(pk=document.pk).update(file=stored_name)
    ResponseAttachment.objects.create(response=response, document=document)


@pytest.fixture
def hostile_documents(open_request):
    MemberState.objects.filter(code="DE").update(
        name_en="Germany <b>&amp; \"Co\"</b> 'x'", name_fr="Allemagne <script>&</script>"
    )
    MemberState.objects.filter(code="IT").update(name_en="Ä <i>Italy</i>", name_fr="É & <Italie>")
    germany = make_response(open_request, "DE", ["<b>a</b> & 'b'", '"c"', "d"])
    italy = make_response(open_request, "IT", ["a", None, "c"])
    draft = make_response(open_request, "PL", ["draft"], status=Response.Status.DRAFT)
    _attach(germany, "Annex <script>alert('x')</script> & \"quotes\"", "documents/annexe d'été.pdf")
    _attach(germany, "Second & last", "documents/a b/c?d#e%20f&g<h>.txt")
    _attach(italy, "Rapporto", "documents/rapporto.pdf")
    _attach(draft, "Not submitted: never compiled", "documents/draft.pdf")
    return open_request


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_compilation_page_is_byte_for_byte_the_page_written_before(
    client, monkeypatch, request, hostile_documents, language, reader
):
    sign_in(client, request.getfixturevalue(reader))
    url = request_url(hostile_documents, "compilation/", language=language)
    # The page says when it was compiled, to the minute: the same moment for both (the
    # view's own clock: sessions keep the real one).
    monkeypatch.setattr(compilation_views, "timezone", SimpleNamespace(now=lambda: FIXED_NOW))
    with monkeypatch.context() as patched:
        patched.setattr(compilation_views, "compile_request", old_compile_request)
        old = client.get(url)
    new = client.get(url)

    assert old.status_code == new.status_code == 200
    body = _without_tokens(new.content.decode())
    assert "Annex &lt;script&gt;" in body
    assert ("Allemagne &lt;script&gt;" if language == "fr" else "Germany &lt;b&gt;") in body
    assert "never compiled" not in body
    assert body == _without_tokens(old.content.decode())
