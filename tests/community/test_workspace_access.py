"""4.8, 3.1: a thematic group can keep its workspace (updates, documents) to its members and
the DMR. Its view restriction names the group's own Django group, so the one access rule
refuses everyone else, Focal Points included; the group page itself stays open to members.
"""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, PageViewRestriction

from network_pages.community import thematic_groups
from network_pages.community.factories import make_update
from network_pages.community.models import (
    ThematicGroupPage,
    ThematicGroupUpdatePage,
    UpdateDocument,
)
from network_pages.network_area import ensure_network_collection
from tests.conftest import sign_in

from .conftest import REFUSED, body_of, url_of

pytestmark = pytest.mark.django_db

TITLE = "MARKER-private-update-title"
BODY = "MARKER-private-update-body"


@pytest.fixture
def update(private_group):
    return ThematicGroupUpdatePage.objects.child_of(private_group).get()


@pytest.mark.parametrize("kind", [*REFUSED, "Focal Point outside the group"])
def test_members_only_workspace_is_refused_to_everyone_outside_the_group(
    client, private_group, update, visitors, other_focal_point, kind
):
    visitors = {**visitors, "Focal Point outside the group": other_focal_point}
    if kind != "anonymous":
        sign_in(client, visitors[kind], verified=kind != "password-only")
    status, location = REFUSED.get(kind, (403, None))

    for language in ("en", "fr"):
        response = client.get(url_of(update, language=language))

        assert response.status_code == status
        if location:
            assert location in response["Location"]
        assert TITLE not in body_of(response) and BODY not in body_of(response)
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("who", ["member", "dmr_user"])
def test_group_members_and_the_dmr_see_the_workspace(
    client, private_group, update, focal_point, dmr_user, who
):
    thematic_groups.join(focal_point, private_group)
    reader = focal_point if who == "member" else dmr_user

    response = sign_in(client, reader).get(url_of(update))

    assert response.status_code == 200
    assert BODY in response.content.decode()


def test_group_page_stays_open_but_hides_its_workspace_from_non_members(
    client, private_group, other_focal_point
):
    response = sign_in(client, other_focal_point).get(url_of(private_group))

    html = response.content.decode()
    assert response.status_code == 200
    assert TITLE not in html
    assert "The workspace of this group is for its members only." in html


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_member_sees_the_workspace_listed_on_the_group_page(
    client, private_group, focal_point, language
):
    thematic_groups.join(focal_point, private_group)

    html = (
        sign_in(client, focal_point).get(url_of(private_group, language=language)).content.decode()
    )

    assert TITLE in html


def test_the_french_group_page_hides_its_workspace_from_non_members(
    client, private_group, other_focal_point
):
    """The French page lists the French copies of the workspace pages: they are held to
    their English sources' restriction."""
    response = sign_in(client, other_focal_point).get(url_of(private_group, language="fr"))

    assert response.status_code == 200
    assert TITLE not in response.content.decode()


def test_opening_the_workspace_lets_every_member_in(client, private_group, update, focal_point):
    private_group.workspace_members_only = False
    private_group.save_revision().publish()

    response = sign_in(client, focal_point).get(url_of(update))

    assert response.status_code == 200
    assert not PageViewRestriction.objects.filter(page=update).exists()


def test_closing_an_open_workspace_restricts_its_existing_pages(client, group, focal_point):
    update = make_update(group, "Open for now")
    group = ThematicGroupPage.objects.get(pk=group.pk)
    group.workspace_members_only = True
    group.save_revision().publish()

    response = sign_in(client, focal_point).get(url_of(update))

    assert response.status_code == 403


def test_leaving_the_group_closes_its_workspace_to_the_former_member(
    client, private_group, update, focal_point
):
    thematic_groups.join(focal_point, private_group)
    sign_in(client, focal_point)
    assert client.get(url_of(update)).status_code == 200

    client.post(url_of(private_group, "leave/"))

    assert client.get(url_of(update)).status_code == 403


def test_documents_of_a_members_only_workspace_are_members_only(
    private_group, update, focal_point, other_focal_point
):
    document = get_document_model()(title="Questionnaire", collection=ensure_network_collection())
    document.file.save("questionnaire.txt", ContentFile(b"MARKER-document"), save=False)
    document.save()
    UpdateDocument.objects.create(update=update, document=document)
    thematic_groups.join(focal_point, private_group)

    thematic_groups.sync_workspace(private_group)

    document.refresh_from_db()
    assert document.collection == thematic_groups.workspace_collection(private_group)
    allowed = sign_in(Client(), focal_point).get(document.url)
    assert (allowed.status_code, body_of(allowed)) == (200, "MARKER-document")
    refused = sign_in(Client(), other_focal_point).get(document.url)
    assert refused.status_code == 403
    assert "MARKER-document" not in body_of(refused)


def test_a_workspace_document_must_sit_in_the_groups_collection(private_group):
    root = Collection.get_first_root_node()

    assert not thematic_groups.document_collection_allowed(private_group, root)
    assert not thematic_groups.document_collection_allowed(
        private_group, ensure_network_collection()
    )
    assert thematic_groups.document_collection_allowed(
        private_group, thematic_groups.workspace_collection(private_group)
    )


def test_converting_the_french_copy_of_a_members_only_workspace_page_is_refused(
    client, update, focal_point, other_focal_point, dmr_user
):
    """Issue 13, 6: the copy would lose the workspace's restriction."""
    thematic_groups.join(focal_point, update.get_parent())
    french = update.get_translation(Locale.objects.get(language_code="fr"))

    response = sign_in(client, dmr_user).post(f"/admin/pages/{french.pk}/convert_alias/")
    client.logout()
    outsider = sign_in(client, other_focal_point).get(french.url)

    assert response.status_code == 302
    assert Page.objects.get(pk=french.pk).alias_of_id == update.pk
    assert outsider.status_code == 403
    assert "MARKER-private-update-body" not in body_of(outsider)


def test_the_french_copy_of_an_open_workspace_page_may_be_converted(client, group, dmr_user):
    update = make_update(group, "Open minutes")
    french = update.get_translation(Locale.objects.get(language_code="fr"))

    sign_in(client, dmr_user).post(f"/admin/pages/{french.pk}/convert_alias/")

    assert Page.objects.get(pk=french.pk).alias_of_id is None
