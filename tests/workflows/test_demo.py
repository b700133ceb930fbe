import pytest
from wagtail.models import Locale, PageLogEntry

from home.models import PublicationPage
from home.site_setup import ensure_home_pages
from network_pages.demo import seed_demo_content
from network_pages.network_area import ensure_network_area
from network_pages.publication_drafts.demo import seed_publication_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_draft_waiting_and_a_publication_public_in_both_languages(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        seed_demo_content()  # the publication demo included
    homes = ensure_home_pages()
    with django_capture_on_commit_callbacks(execute=True):
        lines = seed_publication_demo(homes, ensure_network_area(homes["en"]))
    with django_capture_on_commit_callbacks(execute=True):
        assert seed_publication_demo(homes, ensure_network_area(homes["en"])) == lines

    waiting = PublicationPage.objects.get(slug="reception-conditions-overview")
    assert not waiting.live and waiting.workflow_in_progress
    public = PublicationPage.objects.get(slug="alternatives-to-detention")
    french = public.get_translation(Locale.objects.get(language_code="fr"))
    assert public.live and french.live
    assert client.get(public.url).status_code == 200
    assert "Alternatives à la rétention" in client.get(french.url).content.decode()
    assert PageLogEntry.objects.filter(page=public, action="workflows.precaution_review")
    assert any("/admin/joint-approval/review/" in line for line in lines)
