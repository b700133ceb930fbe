"""Issue 17: the explorer's rows take their buttons from `nfp_site.explorer_buttons`, where
Wagtail's "More" menu items get their URLs from `page_route_urls` instead of `reverse()`:
the same buttons as Wagtail's `page_listing_buttons` tag offers, with the same URLs, for
every page, user and address to come back to; and the functions copied are recorded."""

import hashlib
import inspect

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse, set_script_prefix
from django.utils import translation
from wagtail.admin import wagtail_hooks as admin_hooks
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.widgets.button import ButtonWithDropdownFromHook
from wagtail.models import Page

from network_pages.information.factories import make_request
from network_pages.information.models import InformationRequestIndexPage
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingIndexPage
from nfp_site import explorer_buttons
from nfp_site.page_route_urls import page_route_url

pytestmark = pytest.mark.django_db

# Wagtail 8.0.1's code that `explorer_buttons` follows. A change fails here: carry it there.
COPIED_FROM = {
    "page_listing_more_buttons": (
        admin_hooks.page_listing_more_buttons,
        "f575f5fd98ca6b8c9aacd275a589ba43e8a3b8af0cfabdca8f03f3a95136bf6d",
    ),
    "page_listing_buttons": (
        wagtailadmin_tags.page_listing_buttons,
        "579f04a64e3718412913624dc5859299d29c2c86412620311999de6fa253b3db",
    ),
    "dropdown_buttons": (
        ButtonWithDropdownFromHook.dropdown_buttons.func,
        "a112509535c270829052757a2cefae69062d4f10bc63cea2a1c764860946b315",
    ),
    "PageMenuItem.url": (
        PageMenuItem.url.func,
        "58374bde2b45a58a3288ee6287e508f91d14a85d64dbb5c455d3ee64577ace2b",
    ),
    "PageListingDeleteButton.url": (
        admin_hooks.PageListingDeleteButton.url.func,
        "79bd9837608be0893437bdf6c654519286ec7dc4ccccd2f5aead1e8a5c374463",
    ),
    "PageListingSortMenuOrderButton.url": (
        admin_hooks.PageListingSortMenuOrderButton.url.func,
        "5c55f9177e060f56036492290b0050d6e57f2b1c0387ef6fa5f65bb1564c8229",
    ),
}
ROUTES = (
    "wagtailadmin_pages:edit",
    "wagtailadmin_explore",
    "wagtailadmin_pages:delete",
    "wagtailadmin_pages:view_draft",
    "wagtailadmin_pages:add_subpage",
    "wagtailadmin_pages:move",
    "wagtailadmin_pages:copy",
    "wagtailadmin_pages:unpublish",
    "wagtailadmin_pages:history",
    "wagtail_localize:submit_page_translation",
    "wagtail_localize:update_translations",
)


def source_hash(function) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()


def test_the_code_followed_is_wagtails_as_it_was_copied():
    changed = {name for name, (code, digest) in COPIED_FROM.items() if source_hash(code) != digest}

    assert not changed, f"Wagtail changed {sorted(changed)}: follow it in explorer_buttons"


@pytest.mark.parametrize("page_id", [1, 42, 123456])
def test_a_routes_url_is_the_one_django_reverses(page_id):
    for name in ROUTES:
        assert page_route_url(name, page_id) == reverse(name, args=[page_id])
    with translation.override("fr"):
        assert page_route_url(ROUTES[0], page_id) == reverse(ROUTES[0], args=[page_id])
    set_script_prefix("/under/a/prefix/")
    try:
        assert page_route_url(ROUTES[0], page_id) == reverse(ROUTES[0], args=[page_id])
        assert page_route_url(ROUTES[0], page_id).startswith("/under/a/prefix/")
    finally:
        set_script_prefix("/")


@pytest.fixture
def listed(network):
    """Pages of the shapes the explorer lists: requests (one in French, one with a draft
    change), a meeting, sections, the network root and Wagtail's root."""
    requests_index = InformationRequestIndexPage.objects.get(locale__language_code="en")
    make_request(requests_index, title="Reception of minors <b>&", language="fr")
    drafted = make_request(requests_index, title="Statelessness", language="en")
    drafted.title = "Statelessness (draft)"
    drafted.save_revision()
    meetings = MeetingIndexPage.objects.get(locale__language_code="en")
    make_meeting(meetings, title="Plenary", opening=days_from_today(40))
    pages = [Page.get_first_root_node(), network, requests_index, meetings]
    return pages + list(requests_index.get_children()) + list(meetings.get_children())


def described(buttons) -> list[tuple]:
    """What a listing shows of its buttons: each one's kind, label, URL, order, icon and
    attributes, and a dropdown's buttons the same way."""
    shown = []
    for button in buttons:
        children = ()
        if isinstance(button, ButtonWithDropdownFromHook):
            children = tuple(described(sorted(button.dropdown_buttons)))
        shown.append(
            (
                type(button).__name__,
                str(button.label),
                button.url,
                button.priority,
                button.icon_name,
                repr(button.attrs),
                button.classname,
                children,
            )
        )
    return shown


@pytest.mark.parametrize("who", ["dmr_user", "superuser"])
def test_the_rows_buttons_are_those_wagtails_tag_offers(listed, request, who):
    if who == "superuser":
        user = get_user_model().objects.create_superuser("root", "root@example.org", "x" * 16)
    else:
        user = request.getfixturevalue(who)
    for page in listed:
        http = RequestFactory().get(
            f"/admin/pages/{page.get_parent().pk if page.depth > 1 else 1}/"
        )
        http.user = user
        context = {"request": http}
        addresses = [
            None,
            "/admin/pages/3/?ordering=title",
            reverse("wagtailadmin_explore", args=[page.pk]),
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ]
        for next_url in addresses:
            for language in ("en", "fr"):
                with translation.override(language):
                    wagtails = wagtailadmin_tags.page_listing_buttons(
                        context, page, user, next_url
                    )["buttons"]
                    ours = explorer_buttons.listing_buttons(context, page, user, next_url)

                    assert described(ours) == described(wagtails), (page.title, next_url)
