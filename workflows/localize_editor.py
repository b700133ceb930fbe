"""wagtail-localize's questions of the page editor, answered with the page header's other
questions (workflows/header_facts.py) in one query (issue 17).

On every edit view wagtail-localize asks three queries of the edited page: whether it is a
synced translation (then its own translation editor opens instead, `before_edit_page`),
whether a stopped translation of it may be restarted and whether it may be converted back
into an alias (two action menu items). The answers are the same rules read from the page's
header facts; anything else (a POST of those menu items, the translation editor itself) is
wagtail-localize's own code.
"""

from wagtail import hooks
from wagtail_localize import wagtail_hooks as localize_hooks

from workflows import header_facts


def before_edit_page(request, page):
    """wagtail-localize's `before_edit_page`, asked only when it has something to do: a POST
    (its menu items' actions) or a page that is a synced translation."""
    if request.method == "POST" or header_facts.of(page).is_translation:
        return localize_hooks.before_edit_page(request, page)
    return None


class RestartTranslationMenuItem(localize_hooks.RestartTranslationPageActionMenuItem):
    def is_shown(self, context):
        if context["view"] != "edit":
            return False
        return header_facts.of(context["page"]).has_disabled_translation


class ConvertToAliasMenuItem(localize_hooks.ConvertToAliasPageActionMenuItem):
    def is_shown(self, context):
        if context["view"] != "edit":
            return False
        page = context["page"]
        return page.alias_of_id is None and header_facts.of(page).has_source_page


def restart_translation_menu_item():
    return RestartTranslationMenuItem(order=0)


def convert_to_alias_menu_item():
    return ConvertToAliasMenuItem(order=0)


def replace_localize_editor_hooks() -> None:
    """wagtail-localize's three functions out of their hooks, ours in their place (same
    order). Wagtail has no way to unregister a hook: its registry is edited once, while the
    hooks load (as workflows.localize_buttons does). A wagtail-localize that renamed or
    dropped one of them fails here, at start-up, rather than being asked twice."""
    for hook_name, original, ours in (
        ("before_edit_page", localize_hooks.before_edit_page, before_edit_page),
        (
            "register_page_action_menu_item",
            localize_hooks.register_restart_translation_page_action_menu_item,
            restart_translation_menu_item,
        ),
        (
            "register_page_action_menu_item",
            localize_hooks.register_convert_back_to_alias_page_action_menu_item,
            convert_to_alias_menu_item,
        ),
    ):
        registered = hooks._hooks.get(hook_name, [])
        found = [index for index, (fn, _order) in enumerate(registered) if fn is original]
        if len(found) != 1:
            raise RuntimeError(f"wagtail-localize's {original.__name__} is not in {hook_name}")
        registered[found[0]] = (ours, registered[found[0]][1])
