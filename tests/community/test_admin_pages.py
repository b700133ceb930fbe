"""The DMR creates community pages in the Wagtail admin (4.9): a workspace update is
restricted from its creation, its author follows it, and its documents must be confidential.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from network_pages.community import thematic_groups
from network_pages.community.models import Follow, ThematicGroupUpdatePage
from network_pages.network_area import ensure_network_collection
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def add_update_url(parent) -> str:
    return reverse(
        "wagtailadmin_pages:add", args=["community", "thematicgroupupdatepage", parent.pk]
    )


def update_form(title: str, documents: list = ()) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "date": "2026-03-02",
            "body": rich_text("<p>Minutes</p>"),
            "documents": inline_formset([{"document": document.pk} for document in documents]),
        }
    )


def document_in(collection):
    document = get_document_model()(title="Minutes", collection=collection)
    document.file.save("minutes.txt", ContentFile(b"minutes"), save=False)
    document.save()
    return document


def test_a_draft_update_in_a_members_only_workspace_is_restricted_at_once(
    client, private_group, dmr_user
):
    response = sign_in(client, dmr_user).post(add_update_url(private_group), update_form("Draft"))

    update = ThematicGroupUpdatePage.objects.get(title="Draft", alias_of__isnull=True)
    assert response.status_code == 302
    assert not update.live
    restriction = PageViewRestriction.objects.get(page=update)
    assert set(restriction.groups.values_list("name", flat=True)) == {
        thematic_groups.workspace_group_name(private_group),
        "DMR Secretariat",
    }
    assert Follow.objects.filter(user=dmr_user, page=update, reason="authored").exists()


def test_a_document_outside_the_groups_collection_is_refused(client, private_group, dmr_user):
    document = document_in(ensure_network_collection())

    response = sign_in(client, dmr_user).post(
        add_update_url(private_group), update_form("With document", [document])
    )

    assert response.status_code == 200
    assert "for the group&#x27;s members only" in response.content.decode()
    assert not ThematicGroupUpdatePage.objects.filter(title="With document").exists()


def test_a_document_in_the_groups_collection_is_accepted(client, private_group, dmr_user):
    document = document_in(thematic_groups.workspace_collection(private_group))

    response = sign_in(client, dmr_user).post(
        add_update_url(private_group), update_form("With document", [document])
    )

    assert response.status_code == 302
    update = ThematicGroupUpdatePage.objects.get(title="With document", alias_of__isnull=True)
    assert [link.document for link in update.documents.all()] == [document]
