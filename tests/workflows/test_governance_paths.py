"""Issue 12, tried as an attacker would: each way into the public section without the joint
approval (3.3), through the real admin views and the admin API, is refused and leaves the
page as it was. The DMR editor and a superuser try the same requests."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    WorkflowState,
    get_page_models,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import TranslationSource

from home.models import NewsItemPage, PublicationPage
from network_pages.factories import make_member
from network_pages.models import NetworkHomePage
from tests.conftest import PASSWORD, sign_in
from tests.workflows.conftest import create_draft, edit_form_data, submit
from workflows.factories import complete_translation
from workflows.gate import JointApprovalGated

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    user = make_member("root_steward", groups=(), state=None, password=PASSWORD)
    user.is_superuser = True
    user.save()
    return user


@pytest.fixture(params=["dmr_editor", "superuser"])
def attacker(request):
    return request.getfixturevalue(request.param)


def api(client, page, action: str, **data):
    return client.post(
        f"/admin/api/main/pages/{page.pk}/action/{action}/",
        data=json.dumps(data),
        content_type="application/json",
    )


def live_title(page) -> str:
    return Page.objects.get(pk=page.pk).title


def news_form(title: str, **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "unapproved",
            "date": "2026-01-01",
            "intro": "Unapproved",
            "body": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


# 1. The DMR publishes directly in the public section.


def test_creating_and_publishing_a_news_item_in_the_public_section_leaves_a_draft(
    client, indexes, attacker
):
    news_index = indexes["en"]["newsindexpage"]

    response = sign_in(client, attacker).post(
        f"/admin/pages/add/home/newsitempage/{news_index.pk}/",
        news_form("Unapproved news", **{"action-publish": "1"}),
    )

    page = NewsItemPage.objects.filter(title="Unapproved news").first()
    assert page is None or not page.live
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Only the joint approval" in message for message in said)
    assert "Unapproved news" not in Client().get("/en/news/").content.decode()


def test_no_group_holds_publish_permission_in_the_public_section(homes, indexes):
    networks = list(NetworkHomePage.objects.values_list("path", flat=True))
    grants = GroupPagePermission.objects.filter(permission__codename="publish_page")
    outside = [g for g in grants if not any(g.page.path.startswith(n) for n in networks)]
    assert outside == []


# 2. The admin API, which runs no before_*_page hook.


def test_the_admin_api_cannot_copy_a_draft_into_a_public_index_nor_publish_it(
    client, drafts, indexes, dmr_editor, attacker
):
    draft = create_draft(drafts, dmr_editor)
    index = indexes["en"]["publicationindexpage"]
    sign_in(client, attacker)

    copy = api(client, draft, "copy", destination_page_id=index.pk, keep_live=True)
    publish = api(client, draft, "publish")
    move = api(client, draft, "move", destination_page_id=index.pk)

    assert copy.status_code in (400, 403)
    assert publish.status_code in (400, 403)
    assert move.status_code in (400, 403)
    assert not PublicationPage.objects.child_of(index).exists()
    assert not Page.objects.get(pk=draft.pk).live
    assert Page.objects.get(pk=draft.pk).get_parent().pk == drafts.pk


def test_the_admin_api_says_why_it_refuses(client, drafts, indexes, dmr_editor):
    draft = create_draft(drafts, dmr_editor)

    response = api(
        sign_in(client, dmr_editor),
        draft,
        "copy",
        destination_page_id=indexes["en"]["newsindexpage"].pk,
    )

    assert response.status_code == 403
    assert "publication draft" in response.json()["message"]


def test_the_admin_api_cannot_unpublish_delete_alias_or_convert_a_public_page(
    client, publish, indexes, attacker
):
    page = publish()
    sign_in(client, attacker)

    responses = {
        "unpublish": api(client, page, "unpublish"),
        "delete": api(client, page, "delete"),
        "create_alias": api(
            client, page, "create_alias", destination_page_id=indexes["en"]["newsindexpage"].pk
        ),
        "copy_for_translation": api(client, page, "copy_for_translation", locale="fr", alias=True),
    }

    assert {name: r.status_code in (400, 403, 404) for name, r in responses.items()} == {
        name: True for name in responses
    }
    assert Page.objects.get(pk=page.pk).live
    assert not Page.objects.filter(alias_of=page).exists()


def test_reverting_through_the_admin_api_makes_a_draft_not_a_publication(client, publish, attacker):
    page = publish(title="Approved title")
    first = page.live_revision
    edited = page.get_latest_revision_as_object()
    edited.title = "Unapproved title"
    edited.save_revision(user=attacker)

    sign_in(client, attacker)
    api(client, page, "revert_to_page_revision", revision_id=first.pk)
    api(client, page, "publish")

    assert live_title(page) == "Approved title"
    assert Page.objects.get(pk=page.pk).live_revision_id == first.pk


# 3. The author cancels the joint approval by publishing.


def test_the_author_of_a_draft_in_joint_approval_has_no_publish(client, drafts, dmr_editor):
    draft = create_draft(drafts, dmr_editor)
    task_state = submit(client, draft, dmr_editor)

    edit = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    client.post(f"/admin/pages/{draft.pk}/edit/", edit_form_data(draft, action="action-publish"))

    assert 'name="action-publish"' not in edit
    page = Page.objects.get(pk=draft.pk)
    assert not page.live
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == "in_progress"


def test_cancelling_a_joint_approval_tells_the_approvers(
    client, drafts, dmr_editor, approver, dmr_reviewer, django_capture_on_commit_callbacks
):
    draft = create_draft(drafts, dmr_editor)
    submit(client, draft, dmr_editor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/{draft.pk}/edit/", edit_form_data(draft, action="action-cancel-workflow")
        )

    assert not Page.objects.get(pk=draft.pk).workflow_in_progress
    assert not Page.objects.get(pk=draft.pk).live
    cancelled = [m for m in mail.outbox if m.subject.startswith("Joint approval cancelled")]
    recipients = {address for message in cancelled for address in message.to}
    assert {approver.email, dmr_reviewer.email} <= recipients
    assert dmr_editor.email not in recipients


def test_a_withdrawal_tells_both_parties_why(
    client, publish, dmr_user, approver, django_capture_on_commit_callbacks
):
    page = publish()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        sign_in(client, dmr_user).post(
            f"/admin/joint-approval/withdraw/{page.pk}/", {"reason": "Consent withdrawn."}
        )

    withdrawn = [m for m in mail.outbox if m.subject.startswith("Withdrawn from the public")]
    assert approver.email in {address for message in withdrawn for address in message.to}
    assert all("Consent withdrawn." in message.body for message in withdrawn)


# 4. After approval, one side edits alone.


def test_an_edit_of_a_public_page_is_a_draft_that_goes_back_to_the_joint_approval(
    client, publish, attacker
):
    page = publish(title="Approved title")
    data = edit_form_data(page, action="action-publish", title="Changed alone")

    sign_in(client, attacker).post(f"/admin/pages/{page.pk}/edit/", data)

    assert live_title(page) == "Approved title"
    assert Page.objects.get(pk=page.pk).get_latest_revision().as_object().title == "Changed alone"
    client.post(f"/admin/pages/{page.pk}/edit/", edit_form_data(page, title="Changed alone"))
    assert Page.objects.get(pk=page.pk).workflow_in_progress
    assert live_title(page) == "Approved title"


def test_scheduling_a_public_page_by_hand_schedules_nothing(client, publish, attacker):
    page = publish(title="Approved title")
    later = (timezone.now() + timezone.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    data = edit_form_data(page, action="action-publish", title="Scheduled", go_live_at=later)

    sign_in(client, attacker).post(f"/admin/pages/{page.pk}/edit/", data)

    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


def test_the_admin_screens_refuse_unpublish_delete_move_and_copy(
    client, publish, drafts, indexes, attacker
):
    page = publish()
    sign_in(client, attacker)

    client.post(f"/admin/pages/{page.pk}/unpublish/")
    client.post(f"/admin/pages/{page.pk}/delete/")
    client.post(f"/admin/pages/{page.pk}/move/{drafts.pk}/confirm/")
    client.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": "Copy",
            "new_slug": "copy",
            "new_parent_page": str(indexes["en"]["newsindexpage"].pk),
            "publish_copies": "on",
        },
    )

    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert page.get_parent().pk == indexes["en"]["publicationindexpage"].pk
    assert not Page.objects.filter(slug="copy").exists()


def test_bulk_actions_neither_publish_unpublish_move_nor_delete(
    client, publish, drafts, dmr_editor, attacker
):
    public = publish()
    draft = create_draft(drafts, dmr_editor, title="Bulk draft")
    sign_in(client, attacker)
    bulk = "/admin/bulk/wagtailcore/page/{action}/?id={id}"

    client.post(bulk.format(action="publish", id=draft.pk), {"include_descendants": ""})
    client.post(bulk.format(action="unpublish", id=public.pk), {"include_descendants": ""})
    client.post(bulk.format(action="delete", id=public.pk))
    client.post(bulk.format(action="move", id=draft.pk), {"chooser": str(public.get_parent().pk)})

    assert not Page.objects.get(pk=draft.pk).live
    assert Page.objects.get(pk=draft.pk).get_parent().pk == drafts.pk
    assert Page.objects.get(pk=public.pk).live


# 5. The French version decided by the DMR alone.


def test_the_dmr_cannot_publish_a_french_translation_from_wagtail_localize(
    client, publish, dmr_editor, django_capture_on_commit_callbacks
):
    english = publish()
    with django_capture_on_commit_callbacks(execute=True):
        french = complete_translation(
            english, Locale.objects.get(language_code="fr"), lambda t: "FR " + t, user=dmr_editor
        )

    response = sign_in(client, dmr_editor).post(
        f"/admin/pages/{french.pk}/edit/", {"action": "publish"}
    )

    assert response.status_code in (302, 403)  # Wagtail's "permission denied" redirect
    assert not Page.objects.get(pk=french.pk).live


def test_syncing_translations_with_publish_publishes_nothing(
    client, publish, translate, dmr_editor, django_capture_on_commit_callbacks
):
    english = publish(title="Approved title")
    french = translate(english)
    source = TranslationSource.objects.get(object_id=english.translation_key)

    with django_capture_on_commit_callbacks(execute=True):
        response = sign_in(client, dmr_editor).post(
            f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}
        )

    assert response.status_code in (200, 302, 403)
    assert Page.objects.get(pk=french.pk).live_revision_id == french.live_revision_id


def test_converting_a_french_draft_into_an_alias_of_the_public_original_publishes_nothing(
    client, publish, dmr_editor, django_capture_on_commit_callbacks
):
    english = publish()
    with django_capture_on_commit_callbacks(execute=True):
        french = complete_translation(
            english, Locale.objects.get(language_code="fr"), lambda t: "FR " + t, user=dmr_editor
        )

    sign_in(client, dmr_editor).post(reverse("wagtail_localize:convert_to_alias", args=[french.pk]))

    french = Page.objects.get(pk=french.pk)
    assert not french.live
    assert french.alias_of_id is None


def test_a_french_translation_goes_public_through_the_joint_approval(publish, translate):
    english = publish()

    french = translate(english)

    assert french.live
    assert french.title.startswith("[FR] ")
    assert WorkflowState.objects.filter(object_id=str(french.pk), status="approved").exists()


# 7. and 8. The default moderation and the translation permission.


def test_no_page_offers_the_default_moderators_workflow(network):
    assert Page.get_first_root_node().get_workflow() is None
    assert network.get_workflow() is None


def test_the_dmr_may_translate_with_wagtail_localize(dmr_editor):
    assert dmr_editor.has_perm("wagtail_localize.submit_translation")
    assert Permission.objects.filter(
        codename="submit_translation", group__name="DMR Secretariat"
    ).exists()


# The last line: code that goes around Wagtail's permission checks.


def test_publishing_a_public_page_without_the_release_is_refused_by_the_model(publish):
    page = publish(title="Approved title")
    revision = page.get_latest_revision_as_object()
    revision.title = "Changed in code"

    with pytest.raises(PermissionDenied):
        revision.save_revision().publish(skip_permission_checks=True)
    with pytest.raises(PermissionDenied):
        Page.objects.get(pk=page.pk).specific.unpublish()
    assert live_title(page) == "Approved title"


def test_every_page_type_is_under_the_gate_or_in_the_network_area():
    outside = [
        model.__name__
        for model in get_page_models()
        if model is not Page
        and not issubclass(model, JointApprovalGated)
        and not model.__module__.startswith("network_pages.")
    ]
    assert outside == []


def test_scheduled_publishing_of_an_approved_revision_still_happens(publish):
    later = timezone.now() + timezone.timedelta(hours=1)
    page = publish(title="Scheduled publication", go_live_at=later)
    assert not page.live
    # An hour later: the approved revision's go-live time has come.
    earlier = timezone.now() - timezone.timedelta(minutes=1)
    revision = Revision.objects.get(approved_go_live_at__isnull=False)
    revision.content["go_live_at"] = earlier.isoformat()
    revision.approved_go_live_at = earlier
    revision.save()

    call_command("publish_scheduled")

    assert Page.objects.get(pk=page.pk).live
