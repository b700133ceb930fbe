"""Issue 17: every admin screen hands its JavaScript Wagtail's configuration with the locales
from the process's memo (network_pages/templatetags/admin_config.py): the same
configuration as Wagtail's own tag, without its query."""

from unittest.mock import patch

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.models import Locale

from network_pages.templatetags import admin_config
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("content_locale", [None, "fr"])
def test_the_configuration_is_wagtails(dmr_user, content_locale):
    request = RequestFactory().get("/admin/")
    request.user = dmr_user
    context = {"request": request}
    if content_locale:
        context["locale"] = Locale.objects.get(language_code=content_locale)

    with (
        patch.object(admin_config, "get_token", return_value="token"),
        patch.object(wagtailadmin_tags, "get_token", return_value="token"),
    ):
        ours = admin_config.wagtail_config_read_once(context)
        wagtails = wagtailadmin_tags.wagtail_config(context)

    assert ours == wagtails
    assert [locale["code"] for locale in ours["LOCALES"]] == ["en", "fr"]


def test_an_admin_screen_reads_no_locale(client, network, dmr_user):
    sign_in(client, dmr_user)
    client.get("/admin/")

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/")

    assert response.status_code == 200
    assert 'id="wagtail-config"' in response.content.decode()
    assert not [q for q in queries if q["sql"].startswith('SELECT "wagtailcore_locale"')]


@pytest.mark.parametrize("kind", ["anonymous", "password-only", "Focal Point"])
@pytest.mark.parametrize("screen", ["/admin/", "/admin/reports/workflow/"])
def test_the_admin_screens_stay_closed_to_visitors_without_the_admin(
    client, network, focal_point, kind, screen
):
    if kind != "anonymous":
        sign_in(client, focal_point, verified=kind == "Focal Point")

    response = client.get(screen)

    assert response.status_code in (302, 403)
    assert 'id="wagtail-config"' not in response.content.decode()
