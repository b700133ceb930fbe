"""A meeting's documents are written in Python (issue 17: ~40 documents, four lookups each
through the template engine): the same list items as the template loop they replaced, in
English and in French, every value escaped as the template escaped it."""

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.utils import translation
from wagtail.documents import get_document_model

from network_pages.meetings.documents import ListedDocument, rows_html
from network_pages.meetings.models import MeetingDocument
from network_pages.network_area import ensure_network_collection

from .test_guest_access import document_in

pytestmark = pytest.mark.django_db

# meeting_page.html's loop before `documents.rows_html`.
TEMPLATE_LOOP = (
    '{% for item in meeting_documents %}<li><a href="{{ item.document.url }}">'
    "{{ item.display_title }}</a> ({{ item.document.file_extension|upper }})</li>{% endfor %}"
)


@pytest.fixture
def listed_documents(plenary) -> list[MeetingDocument]:
    """Titles with every character HTML escapes, a title of the meeting's own, and a file
    whose extension is not lower case."""
    collection = ensure_network_collection()
    scan = get_document_model()(title="Scan", collection=collection)
    scan.file.save("scan.Pdf", ContentFile(b"%PDF-1.4"), save=False)
    scan.save()
    documents = [
        document_in(collection, 'Agenda & "notes" <draft>'),
        document_in(collection, "L'ordre du jour"),
        scan,
    ]
    for number, document in enumerate(documents):
        MeetingDocument.objects.create(
            meeting=plenary,
            document=document,
            title="Annex <1> & 'two'" if number == 1 else "",
            sort_order=number,
        )
    return list(plenary.meeting_documents.all().select_related("document"))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_documents_list_items_are_those_of_the_template_loop(listed_documents, language):
    with translation.override(language):
        expected = Template(TEMPLATE_LOOP).render(Context({"meeting_documents": listed_documents}))

        assert rows_html([ListedDocument.of(item) for item in listed_documents]) == expected
    assert "&amp;" in expected and "&lt;" in expected and "&#x27;" in expected
    assert "(PDF)" in expected
