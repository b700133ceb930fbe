"""Issue 16: the first screens of the DMR, a guest and a visitor signing in fit the window at
1280 and 390 px, each showing what that person came for. Their screenshots (with the Focal
Point's, test_layout.py) are what CI keeps when NFP_SCREENSHOTS names a folder."""

import pytest

from .test_layout import WIDTHS, keep_screenshot, sideways_scroll, signed_in_cookie

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# {who: (fixture of the person or None, {screenshot name: (path, a heading it shows)})}
JOURNEYS = {
    "dmr": (
        "dmr_user",
        {
            "network-home": ("/en/network/", "What needs doing"),
            "network-home-fr": ("/fr/reseau/", "À faire"),
            "directory": ("/en/network/directory/", "Directory"),
        },
    ),
    "guest": ("guest", {"your-meetings": ("/en/your-meetings/", "Your meetings")}),
    "visitor": (None, {"sign-in": ("/en/accounts/login/", "Sign in")}),
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("who", JOURNEYS)
def test_each_roles_first_screens_fit_the_window(
    live_server, page, busy_network, request, who, width
):
    fixture, pages = JOURNEYS[who]
    page.set_viewport_size({"width": width, "height": 900})
    if fixture:
        page.context.add_cookies([signed_in_cookie(request.getfixturevalue(fixture), live_server)])
    missing, too_wide = [], {}
    for name, (path, heading) in pages.items():
        page.goto(f"{live_server.url}{path}")
        keep_screenshot(page, f"{who}-{name}-{width}")
        if not page.get_by_role("heading", name=heading, exact=True).first.is_visible():
            missing.append(name)
        if (extra := sideways_scroll(page)) > 0:
            too_wide[name] = extra

    assert missing == []
    assert too_wide == {}
