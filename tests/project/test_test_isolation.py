"""The suite's own isolation (tests/site_snapshot.py): a transactional test ends in a flush
that empties every table, and the next test still starts from the site structure and the
rows that migrations create, whichever worker runs it and whatever ran before."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from home.models import HomePage
from network_pages.models import MemberState, NetworkHomePage
from network_pages.publication_drafts.models import PublicationDraftsPage

# No serialized_rollback: Django would restore its own snapshot at the start and hide
# whether the restore after the previous flush happened.
pytestmark = pytest.mark.django_db(transaction=True)


def assert_the_site_structure_is_there():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "fr"}
    assert Group.objects.filter(name="Focal Points").exists()
    assert MemberState.objects.count() == 46
    assert HomePage.objects.count() == 2
    assert NetworkHomePage.objects.count() == 2
    assert PublicationDraftsPage.objects.exists()


@pytest.mark.parametrize("run", ["first", "second", "third"])
def test_every_transactional_test_starts_from_the_structure_after_the_previous_flush(run):
    assert_the_site_structure_is_there()
    # New rows take new ids beside the restored ones.
    home = HomePage.objects.get(locale__language_code="en")
    home.add_child(instance=Page(title=f"Page of the {run} run", slug=f"page-{run}"))
    Group.objects.create(name=f"Group of the {run} run")
    MemberState.objects.filter(code="FR").delete()
    Group.objects.filter(name="Focal Points").delete()
