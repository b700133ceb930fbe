"""`seed_demo` never runs where demo content is not allowed (production settings)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_to_run_with_production_settings(settings):
    settings.NFP_ALLOW_DEMO_CONTENT = False
    pages = Page.objects.count()

    with pytest.raises(CommandError, match="refuses to run"):
        call_command("seed_demo")

    assert Page.objects.count() == pages
    assert not get_user_model().objects.exists()
