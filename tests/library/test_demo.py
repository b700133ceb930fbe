"""`make run` shows the libraries: the plenary report in English and French, a handbook with
two versions, a group library open to its members' uploads; a second run adds nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from network_pages.demo import seed_demo_content
from network_pages.library import places
from network_pages.library.demo import seed_library_demo, simple_pdf
from network_pages.library.models import LibraryEntry, LibraryVersion
from network_pages.models import NetworkHomePage
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_the_demo_has_language_versions_and_versions_to_see(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        seed_demo_content()
    network = NetworkHomePage.objects.filter(alias_of__isnull=True).first()
    with django_capture_on_commit_callbacks(execute=True):
        seed_library_demo(network)
    assert LibraryEntry.objects.count() == 3
    report = LibraryEntry.objects.get(title="Report of the plenary meeting")
    assert sorted(report.versions.values_list("language", flat=True)) == ["en", "fr"]
    handbook = LibraryEntry.objects.get(title="Handbook of the network")
    assert handbook.versions.filter(language="en").count() == 2
    fp_fr = get_user_model().objects.get(username="fp_fr")
    group_library = places.library_of(LibraryEntry.objects.get(thematic_group__isnull=False))
    assert places.may_upload(fp_fr, group_library)
    page = sign_in(Client(), fp_fr).get(f"/fr/reseau/bibliotheque/documents/{report.pk}/")
    assert page.content.decode().index('id="language-fr"') < page.content.decode().index(
        'id="language-en"'
    )
    assert LibraryVersion.objects.count() == 5


def test_the_demo_pdf_is_a_pdf():
    pdf = simple_pdf("Hello (world)")
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    assert b"(Hello [world]) Tj" in pdf
