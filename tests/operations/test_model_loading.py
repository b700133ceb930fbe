"""Pages read from the database skip modelcluster's search for child objects passed in
(nfp_site.operations.model_loading); pages made with child objects still get them."""

import pytest
from modelcluster.models import ClusterableModel
from wagtail.models import Page

from network_pages.information.models.item_page import (
    InformationItemAttachment,
    InformationItemPage,
)
from nfp_site.operations import model_loading


def test_the_shortcut_is_installed():
    assert ClusterableModel.__init__ is model_loading._init


@pytest.mark.django_db
def test_a_page_made_with_child_objects_keeps_them():
    attachment = InformationItemAttachment(sort_order=0)
    page = InformationItemPage(title="Mentoring", attachments=[attachment])
    assert page.title == "Mentoring"
    assert list(page.attachments.all()) == [attachment]


def test_a_page_made_from_a_row_has_its_values():
    names = [field.attname for field in Page._meta.concrete_fields]
    values = [None] * len(names)
    values[names.index("title")] = "From the database"
    values[names.index("id")] = 7
    page = Page.from_db("default", names, values)
    assert (page.pk, page.title, page._state.adding) == (7, "From the database", False)
