"""3.3: nobody moves or copies a draft into the public section by hand."""

import pytest
from wagtail.models import Page

from tests.conftest import sign_in
from tests.workflows.conftest import create_draft

pytestmark = pytest.mark.django_db


def test_moving_a_draft_into_the_public_section_is_refused(client, drafts, indexes, dmr_editor):
    page = create_draft(drafts, dmr_editor)
    public_index = indexes["en"]["publicationindexpage"]

    response = sign_in(client, dmr_editor).post(
        f"/admin/pages/{page.pk}/move/{public_index.pk}/confirm/"
    )

    assert response.status_code in (302, 403)
    assert Page.objects.get(pk=page.pk).get_parent().pk == drafts.pk


def test_copying_a_draft_into_the_public_section_is_refused(client, drafts, indexes, dmr_editor):
    page = create_draft(drafts, dmr_editor)
    public_index = indexes["en"]["publicationindexpage"]
    pages_before = Page.objects.count()

    response = sign_in(client, dmr_editor).post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": "Copy",
            "new_slug": "copy",
            "new_parent_page": str(public_index.pk),
            "publish_copies": "on",
        },
    )

    assert response.status_code == 302
    assert Page.objects.count() == pages_before
