"""Issue 13, 1: images are public files (their renditions are served from /media/), so the
admin refuses them in a restricted collection, with a message saying why."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from network_pages.network_area import ensure_network_collection

pytestmark = pytest.mark.django_db


def image_form(collection):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    form_class = get_image_form(get_image_model())
    return form_class(
        data={"title": "Photo", "collection": str(collection.pk)},
        files={"file": SimpleUploadedFile("photo.png", get_test_image_file().file.getvalue())},
        user=user,
    )


def test_an_image_is_refused_in_the_network_collection(network):
    form = image_form(ensure_network_collection())

    assert not form.is_valid()
    assert "cannot go into a restricted collection" in str(form.errors["collection"])


def test_an_image_is_accepted_in_a_public_collection(network):
    form = image_form(Collection.get_first_root_node())

    assert form.is_valid(), form.errors
