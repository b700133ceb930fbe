import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from network_pages.factories import make_member
from tests.conftest import sign_in


@pytest.fixture
def dmr_client(client, dmr_user):
    """The DMR Secretariat in the admin, with a verified session."""
    return sign_in(client, dmr_user)


@pytest.fixture
def focal_point_client(focal_point):
    """A verified Focal Point, in a client of their own."""
    return sign_in(Client(), focal_point)


@pytest.fixture
def editor_client(client):
    """A verified admin user with no membership permissions (say, a web editor)."""
    editor = make_member("editor", groups=(), state=None, function="guest")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return sign_in(client, editor)
