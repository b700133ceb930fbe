"""3.3: nothing goes public that still points to restricted pages or documents."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from network_pages.network_area import ensure_network_collection
from tests.conftest import sign_in
from tests.workflows.conftest import PRECAUTION, approve, create_draft, review_url, submit
from workflows.gate import acting_as_system
from workflows.links import restricted_links

pytestmark = pytest.mark.django_db


def document_in(collection, title="Minutes"):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(f"{title}.txt", ContentFile(b"text"), save=False)
    document.save()
    return document


@pytest.fixture
def network_document(network):
    return document_in(ensure_network_collection(), "Confidential minutes")


@pytest.fixture
def public_document(db):
    return document_in(Collection.get_first_root_node(), "Annual report")


def test_a_rich_text_link_to_a_network_page_is_found(drafts, dmr_editor, network):
    page = create_draft(
        drafts, dmr_editor, body_html=f'<p><a linktype="page" id="{network.pk}">the area</a></p>'
    )

    links = restricted_links(page.get_latest_revision().as_object())

    assert [(link.kind, link.title) for link in links] == [("page", "Network area")]


def test_a_restricted_document_chosen_as_the_publication_file_is_found(
    drafts, dmr_editor, network_document
):
    page = create_draft(drafts, dmr_editor, document=network_document)

    links = restricted_links(page)

    assert [(link.kind, link.title, link.field) for link in links] == [
        ("document", "Confidential minutes", "publication file")
    ]


def test_a_typed_address_into_the_network_area_is_found(drafts, dmr_editor, network):
    page = create_draft(
        drafts,
        dmr_editor,
        body_html='<p><a href="http://testserver/fr/reseau/annuaire/">directory</a></p>',
    )

    # The French directory is a page of its own since issue 15: « Annuaire ».
    assert [link.title for link in restricted_links(page)] == ["Annuaire"]


def test_public_documents_and_external_sites_are_not_flagged(
    drafts, dmr_editor, public_document, homes
):
    page = create_draft(
        drafts,
        dmr_editor,
        document=public_document,
        body_html=(
            '<p><a href="https://www.coe.int/en/web/migration">CoE</a> '
            f'<a linktype="page" id="{homes["en"].pk}">home</a></p>'
        ),
    )

    assert restricted_links(page) == []


def test_approval_is_refused_while_restricted_links_remain(
    client, drafts, dmr_editor, dmr_reviewer, network_document
):
    page = create_draft(drafts, dmr_editor, document=network_document)
    task_state = submit(client, page, dmr_editor)

    review = sign_in(client, dmr_reviewer).get(review_url(task_state)).content.decode()
    response = approve(client, dmr_reviewer, task_state, **PRECAUTION)

    assert "Confidential minutes" in review
    assert "Approval is refused while the content links to any of these" in review
    assert response.status_code == 200
    assert "remove these links first" in response.content.decode()
    assert task_state.approvals.count() == 0


def test_approval_is_refused_while_the_draft_has_sub_pages(client, drafts, dmr_editor, approver):
    page = create_draft(drafts, dmr_editor)
    task_state = submit(client, page, dmr_editor)
    child = create_draft(drafts, dmr_editor, title="Annex")
    child.move(page, pos="last-child")

    response = approve(client, approver, task_state)

    assert response.status_code == 200
    assert "The page has sub-pages" in response.content.decode()
    assert task_state.approvals.count() == 0


def test_approval_is_refused_while_the_public_section_has_no_place_for_the_page(
    client, drafts, indexes, dmr_editor, approver
):
    with acting_as_system("arrangement: the index is offline"):
        indexes["en"]["publicationindexpage"].unpublish()
    page = create_draft(drafts, dmr_editor)
    task_state = submit(client, page, dmr_editor)

    response = approve(client, approver, task_state)

    assert response.status_code == 200
    assert "The public section has no “publications index” in English yet." in (
        response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")
    )
    assert task_state.approvals.count() == 0
