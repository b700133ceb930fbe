"""Every door Wagtail (and wagtail-localize) opens on a page, enumerated from Wagtail itself
and classified against the gate (3.3), the way tests/security/url_inventory.py does for URLs.

A Wagtail upgrade that adds an action class, a page admin URL, an admin API action, a bulk
action or a translation URL fails here until someone classifies it: which gate action it
goes through (workflows/gate.py) and which test proves it, or why it makes drafts only.
"""

import importlib
import inspect
import pkgutil

import pytest
import wagtail.actions
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.actions.registry import action_registry
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.urls import pages as page_admin_urls
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Page

from network_pages import roles
from network_pages.factories import make_member
from workflows import gate
from workflows.gate import GatedPagePermissionTester

pytestmark = pytest.mark.django_db

GOVERNANCE = "tests/workflows/test_governance_paths.py"
DRAFTS_ONLY = "drafts only: what it saves is not live until the joint approval releases it"
NOT_A_WRITE = "reads or previews; changes nothing"

# wagtail/actions/*.py: the classes every screen and the admin API run.
ACTION_CLASSES = {
    "BaseAction": NOT_A_WRITE,
    "ConvertAliasPageAction": gate.CONVERT_ALIAS,
    "CopyForTranslationAction": DRAFTS_ONLY + " (snippets; pages: next line)",
    "CopyPageForTranslationAction": gate.TRANSLATE_AS_ALIAS + " when alias, else drafts only",
    "CopyPageAction": gate.COPY,
    "CreateAction": DRAFTS_ONLY + " (snippets)",
    "CreatePageAction": gate.PUBLISH_SUBPAGE,
    "CreatePageAliasAction": gate.CREATE_ALIAS,
    "DeleteAction": "snippets; pages use DeletePageAction",
    "DeletePageAction": gate.DELETE,
    "EditAction": "snippets; pages use EditPageAction",
    "EditPageAction": gate.PUBLISH + " when publishing, else drafts only",
    "MovePageAction": gate.MOVE,
    "PublishPageRevisionAction": gate.PUBLISH,
    "PublishRevisionAction": "snippets; pages use PublishPageRevisionAction",
    "RevertToPageRevisionAction": gate.REVERT + ": " + DRAFTS_ONLY,
    "RevertToRevisionAction": "snippets; pages use RevertToPageRevisionAction",
    "UnpublishAction": "snippets; pages use UnpublishPageAction",
    "UnpublishPageAction": gate.UNPUBLISH,
}

# The admin's page URLs (wagtailadmin_pages:*).
PAGE_ADMIN_URLS = {
    "add": gate.PUBLISH_SUBPAGE,
    "add_subpage": NOT_A_WRITE,
    "choose_parent": NOT_A_WRITE,
    "collect_workflow_action_data": "workflow: the joint approval's own actions",
    "confirm_workflow_cancellation": "workflow: cancelling publishes nothing",
    "convert_alias": gate.CONVERT_ALIAS,
    "copy": gate.COPY,
    "delete": gate.DELETE,
    "edit": gate.PUBLISH + " when publishing, else drafts only",
    "history": NOT_A_WRITE,
    "history_results": NOT_A_WRITE,
    "lock": gate.LOCK,
    "move": gate.MOVE,
    "move_confirm": gate.MOVE,
    "preview_on_add": NOT_A_WRITE,
    "preview_on_edit": NOT_A_WRITE,
    "revisions_compare": NOT_A_WRITE,
    "revisions_index": NOT_A_WRITE,
    "revisions_revert": gate.PUBLISH + " when publishing, else drafts only",
    "revisions_unschedule": gate.UNSCHEDULE,
    "revisions_view": NOT_A_WRITE,
    "search": NOT_A_WRITE,
    "search_results": NOT_A_WRITE,
    "set_page_position": gate.REORDER,
    "set_privacy": gate.SET_VIEW_RESTRICTIONS,
    "type_use": NOT_A_WRITE,
    "type_use_results": NOT_A_WRITE,
    "unlock": gate.LOCK,
    "unpublish": gate.UNPUBLISH,
    "usage": NOT_A_WRITE,
    "view_draft": NOT_A_WRITE,
    "workflow_action": "workflow: the joint approval offers review and reject, never approve",
    "workflow_history": NOT_A_WRITE,
    "workflow_history_detail": NOT_A_WRITE,
    "workflow_preview": NOT_A_WRITE,
}

# /admin/api/main/pages/<id>/action/<name>/ (runs no before_*_page hook).
ADMIN_API_ACTIONS = {
    "convert_alias": gate.CONVERT_ALIAS,
    "copy": gate.COPY,
    "copy_for_translation": gate.TRANSLATE_AS_ALIAS + " when alias, else drafts only",
    "create_alias": gate.CREATE_ALIAS,
    "delete": gate.DELETE,
    "move": gate.MOVE,
    "publish": gate.PUBLISH,
    "revert_to_page_revision": gate.REVERT + ": " + DRAFTS_ONLY,
    "unpublish": gate.UNPUBLISH,
}

# /admin/bulk/wagtailcore/page/<action>/
BULK_ACTIONS = {
    "delete": gate.DELETE,
    "move": gate.MOVE,
    "publish": gate.PUBLISH,
    "unpublish": gate.UNPUBLISH,
}

# wagtail-localize's admin URLs (wagtail_localize:*).
LOCALIZE_URLS = {
    "convert_to_alias": gate.CONVERT_ALIAS + " (the model's guard: an alias would be live)",
    "download_pofile": NOT_A_WRITE,
    "edit_override": DRAFTS_ONLY,
    "edit_string_translation": DRAFTS_ONLY,
    "javascript_catalog": NOT_A_WRITE,
    "machine_translate": DRAFTS_ONLY,
    "preview_translation": NOT_A_WRITE,
    "snippets_api_detail": NOT_A_WRITE,
    "snippets_api_listing": NOT_A_WRITE,
    "stop_translation": DRAFTS_ONLY,
    "submit_page_translation": DRAFTS_ONLY,
    "submit_snippet_translation": "snippets",
    "translations_report": NOT_A_WRITE,
    "translations_report_results": NOT_A_WRITE,
    "update_translations": gate.PUBLISH_TRANSLATIONS + " (workflows/localize.py)",
    "upload_pofile": DRAFTS_ONLY,
}


def wagtail_action_classes() -> set[str]:
    names = set()
    for module_info in pkgutil.iter_modules(wagtail.actions.__path__):
        module = importlib.import_module(f"wagtail.actions.{module_info.name}")
        names |= {
            name
            for name, cls in inspect.getmembers(module, inspect.isclass)
            if cls.__module__ == module.__name__ and name.endswith("Action")
        }
    names |= {cls.__name__ for cls in action_registry.get_actions_for_model(Page).values()}
    return names


def namespaced_url_names(patterns, namespace: tuple[str, ...] = ()) -> set[str]:
    names = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespace, pattern.namespace) if pattern.namespace else namespace
            names |= namespaced_url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(":".join((*namespace, pattern.name)))
    return names


def localize_url_names() -> set[str]:
    prefix = "wagtailadmin:wagtail_localize:"
    names = namespaced_url_names(get_resolver().url_patterns)
    return {name.removeprefix(prefix) for name in names if name.startswith(prefix)} | {
        name.removeprefix("wagtail_localize:")
        for name in names
        if name.startswith("wagtail_localize:")
    }


@pytest.mark.parametrize(
    ("found", "classified", "what"),
    [
        (wagtail_action_classes, ACTION_CLASSES, "wagtail/actions classes"),
        (lambda: {p.name for p in page_admin_urls.urlpatterns}, PAGE_ADMIN_URLS, "page URLs"),
        (lambda: set(PagesAdminAPIViewSet.actions), ADMIN_API_ACTIONS, "admin API actions"),
        (
            lambda: {
                cls.action_type
                for cls in bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")
            },
            BULK_ACTIONS,
            "page bulk actions",
        ),
    ],
)
def test_every_page_door_of_wagtail_is_classified_against_the_gate(found, classified, what):
    doors = found()
    assert sorted(doors - set(classified)) == [], f"new {what}: classify them against the gate"
    assert sorted(set(classified) - doors) == [], f"{what} gone: remove them from the inventory"


def test_every_door_of_wagtail_localize_is_classified_against_the_gate():
    doors = localize_url_names()
    assert sorted(doors - set(LOCALIZE_URLS)) == [], "new wagtail-localize URLs: classify them"
    assert sorted(set(LOCALIZE_URLS) - doors) == [], "wagtail-localize URLs gone: remove them"


GATE_ACTIONS = [
    gate.PUBLISH,
    gate.PUBLISH_SUBPAGE,
    gate.UNPUBLISH,
    gate.UNSCHEDULE,
    gate.SET_VIEW_RESTRICTIONS,
    gate.REORDER,
    gate.DELETE,
    gate.MOVE,
    gate.CREATE_ALIAS,
    gate.CONVERT_ALIAS,
    gate.TRANSLATE_AS_ALIAS,
    gate.PUBLISH_TRANSLATIONS,
]


def test_every_classified_door_names_a_gate_action_or_says_why_it_is_harmless():
    every = {
        **ACTION_CLASSES,
        **PAGE_ADMIN_URLS,
        **ADMIN_API_ACTIONS,
        **BULK_ACTIONS,
        **LOCALIZE_URLS,
    }
    known = set(GATE_ACTIONS) | {gate.COPY, gate.REVERT, gate.LOCK}
    for door, classification in every.items():
        first_word = classification.split(" ")[0].rstrip(":")
        assert first_word in known or classification.startswith(
            ("drafts only", "reads", "workflow", "snippets")
        ), door


ROLES = {
    "DMR": (roles.DMR_SECRETARIAT,),
    "network approver": (roles.FOCAL_POINTS, roles.NETWORK_APPROVERS),
    "Focal Point": (roles.FOCAL_POINTS,),
    "guest": (roles.GUESTS,),
    "superuser": (),
}


@pytest.fixture(params=list(ROLES))
def member(request):
    groups = ROLES[request.param]
    state = "SE" if roles.FOCAL_POINTS in groups else None
    user = make_member(f"role_{len(request.param)}", groups=groups, state=state)
    if request.param == "superuser":
        user.is_superuser = True
        user.save()
    return user


def test_no_role_has_a_door_into_the_public_section(member, publish, drafts, indexes):
    page = publish()
    index = indexes["en"]["newsindexpage"]
    tester = Page.objects.get(pk=page.pk).permissions_for_user(member)

    assert isinstance(tester, GatedPagePermissionTester)
    assert {
        "publish": tester.can_publish(),
        "unpublish": tester.can_unpublish(),
        "unschedule": tester.can_unschedule(),
        "set view restrictions": tester.can_set_view_restrictions(),
        "delete": tester.can_delete(),
        "move": tester.can_move(),
        "move to drafts": tester.can_move_to(drafts),
        "copy into an index": tester.can_copy_to(index),
        "publish in the index": index.permissions_for_user(member).can_publish_subpage(),
        "reorder the index": index.permissions_for_user(member).can_reorder_children(),
        "publish a draft": drafts.permissions_for_user(member).can_publish_subpage(),
    } == dict.fromkeys(
        [
            "publish",
            "unpublish",
            "unschedule",
            "set view restrictions",
            "delete",
            "move",
            "move to drafts",
            "copy into an index",
            "publish in the index",
            "reorder the index",
            "publish a draft",
        ],
        False,
    )


@pytest.mark.parametrize("action", GATE_ACTIONS)
def test_the_gate_refuses_each_of_its_actions_on_a_public_page(action, publish, dmr_editor):
    page = publish()
    assert gate.refusal(dmr_editor, page, action, destination=page.get_parent())


def test_an_unclassified_door_is_closed_on_public_pages(publish, dmr_editor):
    assert gate.refusal(dmr_editor, publish(), "a door a future Wagtail adds")


def test_the_dmr_still_publishes_in_the_network_area(network, dmr_user):
    assert network.permissions_for_user(dmr_user).can_publish()
