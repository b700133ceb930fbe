"""The explorer's buttons of a row, as Wagtail's `page_listing_buttons` tag makes them,
the "More" menu's URLs filled in from `page_route_urls` (issue 17).

Wagtail's `page_listing_more_buttons` hook yields ten page menu items, each reversing its
URL: with the title's link, ~16 `reverse()` a row of the explorer, 11 ms of a listing of 50
pages. `page_listing_more_buttons` here is the same function, the same items in the same
order with the same rules (`is_shown`): only each URL is given to the item, built by
`page_route_url`. The explorer's rows (`explorer_cells`) take their buttons from
`listing_buttons`, which asks every hook as the tag does, with this function in the place of
Wagtail's; every other listing still asks Wagtail's. `tests/network_pages/test_explorer_buttons.py`
compares both rows' buttons and records the source of the functions copied, so that an
upgrade that changes one fails until this module follows.
"""

from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets.button import Button, ButtonWithDropdownFromHook, ListingButton

from nfp_site.page_route_urls import page_route_url, with_next

MORE_HOOK = "register_page_listing_more_buttons"


def _admin_hooks():
    # Imported when asked (every app's hooks are loaded by then): imported with this module,
    # Wagtail's admin hooks would be registered before the apps listed ahead of them.
    from wagtail.admin import wagtail_hooks

    return wagtail_hooks


def page_listing_more_buttons(page, user, next_url=None):
    """`wagtail.admin.wagtail_hooks.page_listing_more_buttons`, the URLs given."""
    hooks_of = _admin_hooks()
    pk = page.id

    def at(item, priority: int, url: str | None, *, coming_back: bool = False):
        # Wagtail gives the address to come back to (`next_url`) to some items only.
        if not coming_back:
            return item(page=page, priority=priority, url=url)
        return item(page=page, next_url=next_url, priority=priority, url=with_next(url, next_url))

    def route(name: str) -> str:
        return page_route_url(name, pk)

    edit, explore = route("wagtailadmin_pages:edit"), route("wagtailadmin_explore")
    delete = route("wagtailadmin_pages:delete")
    # Deleting never comes back to the page's own explorer or editor (Wagtail's rule).
    if next_url not in (explore, edit):
        delete = with_next(delete, next_url)
    yield at(hooks_of.PageListingEditButton, 2, edit, coming_back=True)
    yield at(hooks_of.PageListingViewDraftButton, 4, route("wagtailadmin_pages:view_draft"))
    yield at(hooks_of.PageListingViewLiveButton, 6, page.url)
    yield at(
        hooks_of.PageListingAddChildPageButton,
        8,
        route("wagtailadmin_pages:add_subpage"),
        coming_back=True,
    )
    yield at(hooks_of.PageListingMoveButton, 10, route("wagtailadmin_pages:move"))
    yield at(hooks_of.PageListingCopyButton, 20, route("wagtailadmin_pages:copy"), coming_back=True)
    yield hooks_of.PageListingDeleteButton(page=page, next_url=next_url, priority=30, url=delete)
    yield at(
        hooks_of.PageListingUnpublishButton,
        40,
        route("wagtailadmin_pages:unpublish"),
        coming_back=True,
    )
    yield at(hooks_of.PageListingHistoryButton, 50, route("wagtailadmin_pages:history"))
    yield at(hooks_of.PageListingSortMenuOrderButton, 60, f"{explore}?ordering=ord")


def listing_buttons(context, page, user, next_url=None) -> list:
    """`wagtailadmin_tags.page_listing_buttons(context, page, user, next_url)["buttons"]`,
    the "More" menu's buttons asked of `page_listing_more_buttons` in the place of Wagtail's
    function (and of every other function of its hook, as they are)."""
    next_url = next_url or context["request"].path
    hook_buttons = []
    for hook in hooks.get_hooks("register_page_listing_buttons"):
        hook_buttons.extend(hook(page=page, next_url=next_url, user=user))
    buttons = []
    for button in hook_buttons:
        if isinstance(button, MenuItem):
            if button.is_shown(user):
                buttons.append(ListingButton.from_menu_item(button))
            continue
        if isinstance(button, ButtonWithDropdownFromHook) and button.hook_name == MORE_HOOK:
            # Decided before `show` asks for them (a cached property).
            button.dropdown_buttons = _more_buttons(button)
        if button.show:
            buttons.append(button)
    buttons.sort()
    for hook in hooks.get_hooks("construct_page_listing_buttons"):
        hook(buttons, page=page, user=user, context=context)
    return buttons


def _more_buttons(dropdown: ButtonWithDropdownFromHook) -> list:
    """`ButtonWithDropdownFromHook.dropdown_buttons`, Wagtail's function replaced."""
    wagtails = _admin_hooks().page_listing_more_buttons
    hook_buttons = []
    for hook in hooks.get_hooks(dropdown.hook_name):
        hook = page_listing_more_buttons if hook is wagtails else hook
        hook_buttons.extend(
            hook(page=dropdown.page, user=dropdown.user, next_url=dropdown.next_url)
        )
    buttons = []
    for button in hook_buttons:
        if isinstance(button, MenuItem):
            if button.is_shown(dropdown.user):
                buttons.append(Button.from_menu_item(button))
        elif button.show:
            buttons.append(button)
    return buttons
