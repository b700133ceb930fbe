"""One marked site for the package, built and swept inside a transaction rolled back at the
end: building it once is what keeps the whole matrix fast."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import TestCase, override_settings

from network_pages import roles
from network_pages.factories import make_member
from tests.conftest import PASSWORD

from .roles import Role
from .site_with_markers import build_marked_site
from .sweep import Findings, sweep


def make_users() -> dict[Role, object]:
    """The people behind the roles, as the suite's fixtures make them (tests/conftest.py)."""
    focal_point = make_member("fp_fr", groups=(roles.FOCAL_POINTS,), state="FR", password=PASSWORD)
    return {
        Role.PASSWORD_ONLY: focal_point,
        Role.NON_MEMBER: make_member("outsider", groups=(), state=None, function="guest"),
        Role.GUEST: make_member("guest", groups=(roles.GUESTS,), state=None),
        Role.OTHER_STATE: make_member("fp_de", groups=(roles.FOCAL_POINTS,), state="DE"),
        Role.FOCAL_POINT: focal_point,
        Role.DMR: make_member("dmr", groups=(roles.DMR_SECRETARIAT,), state=None),
    }


@pytest.fixture(scope="package")
def site_media(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, site_media):
    """Replaces the suite's per-test media folder: the package's files live in one folder."""
    settings.MEDIA_ROOT = site_media


@pytest.fixture(scope="package")
def findings(django_db_setup, django_db_blocker, site_media) -> Findings:
    """Build the marked site, request everything as everyone, then roll it all back."""
    cache.clear()
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=site_media),
        transaction.atomic(),
    ):
        # Publishing sends invitations and notifications on commit: run them as they come.
        with TestCase.captureOnCommitCallbacks(execute=True):
            users = make_users()
            site = build_marked_site(users)
        result = sweep(site, users)
        transaction.set_rollback(True)
    cache.clear()
    return result
