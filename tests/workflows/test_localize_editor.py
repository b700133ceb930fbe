"""Issue 17: wagtail-localize's questions of the page editor (a synced translation opens its
translation editor; may a stopped translation restart; may a translation go back to being an
alias) are answered from the page header's facts (workflows/localize_editor.py), with
wagtail-localize's own answers."""

import pytest
from django.test import RequestFactory
from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import Translation

from tests.conftest import sign_in
from tests.workflows.conftest import create_draft
from workflows import localize_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(drafts, dmr_editor, publish):
    """A public page, its French translation (synced by wagtail-localize), a draft nobody
    translated and the drafts' index."""
    source = publish(title="Translated page")
    french = source.get_translation(Locale.objects.get(language_code="fr"))
    alone = create_draft(drafts, dmr_editor, title="Untranslated draft")
    return source, french, alone, drafts


def _context(page, user):
    request = RequestFactory().get("/")
    request.user = user
    return {"view": "edit", "page": Page.objects.get(pk=page.pk).specific, "request": request}


def test_only_our_functions_answer_wagtail_localizes_editor_hooks():
    edit_hooks = hooks.get_hooks("before_edit_page")
    menu_hooks = hooks.get_hooks("register_page_action_menu_item")

    assert localize_editor.before_edit_page in edit_hooks
    assert localize_hooks.before_edit_page not in edit_hooks
    assert localize_editor.restart_translation_menu_item in menu_hooks
    assert localize_editor.convert_to_alias_menu_item in menu_hooks
    assert localize_hooks.register_restart_translation_page_action_menu_item not in menu_hooks
    assert localize_hooks.register_convert_back_to_alias_page_action_menu_item not in menu_hooks


def test_the_menu_items_are_shown_when_wagtail_localizes_would_be(pages, dmr_editor):
    source, french, _alone, _index = pages
    # A stopped translation: wagtail-localize offers to restart it or go back to an alias.
    Translation.objects.filter(target_locale=french.locale).update(enabled=False)
    pairs = [
        (
            localize_editor.RestartTranslationMenuItem,
            localize_hooks.RestartTranslationPageActionMenuItem,
        ),
        (localize_editor.ConvertToAliasMenuItem, localize_hooks.ConvertToAliasPageActionMenuItem),
    ]
    shown = set()
    for page in pages:
        for ours, theirs in pairs:
            answer = ours(order=0).is_shown(_context(page, dmr_editor))

            assert answer == theirs(order=0).is_shown(_context(page, dmr_editor)), (ours, page)
            if answer:
                shown.add((ours, page.pk))

    assert (localize_editor.RestartTranslationMenuItem, french.pk) in shown
    assert (localize_editor.ConvertToAliasMenuItem, french.pk) in shown
    assert not any(pk == source.pk for _item, pk in shown)


def test_a_synced_translation_opens_in_wagtail_localizes_editor(client, pages, dmr_editor):
    source, french, alone, _index = pages
    sign_in(client, dmr_editor)

    translated = client.get(f"/admin/pages/{french.pk}/edit/")
    original = client.get(f"/admin/pages/{source.pk}/edit/")
    draft = client.get(f"/admin/pages/{alone.pk}/edit/")

    assert translated.status_code == original.status_code == draft.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in translated.templates]
    for response in (original, draft):
        assert "wagtail_localize/admin/edit_translation.html" not in [
            t.name for t in response.templates
        ]
