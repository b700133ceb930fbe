"""Issue 16: avatars in the admin are Wagtail's own picture, served by the site: no member's
email address goes to Gravatar, and the CSP, which allows only the site's images, shows them."""

import re

import pytest

from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

DEFAULT_AVATAR = "/static/wagtailadmin/images/default-user-avatar.png"


def test_the_admin_shows_avatars_from_the_site_itself(client, dmr_user):
    html = sign_in(client, dmr_user).get("/admin/").content.decode()

    avatar_urls = re.findall(r'"avatarUrl": "([^"]+)"', html)
    assert avatar_urls
    assert all(url.startswith(DEFAULT_AVATAR) for url in avatar_urls)
    assert "gravatar" not in html
