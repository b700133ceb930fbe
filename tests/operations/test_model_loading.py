"""Pages read from the database skip modelcluster's search for child objects passed in
(nfp_site.operations.model_loading); pages made with child objects still get them."""

import pytest
from django.db.models.signals import post_init
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


# --- page_from_row: the activity's pages made of their rows -------------------------------

# In the model's field order, as `from_db` takes them.
ROW_FIELDS = tuple(
    field.attname
    for field in Page._meta.concrete_fields
    if field.attname in {"id", "path", "depth", "title", "live", "content_type_id", "url_path"}
)


def _row_of(page: Page) -> tuple:
    return tuple(getattr(page, name) for name in ROW_FIELDS)


def _values(page: Page) -> dict:
    return {name: value for name, value in page.__dict__.items() if name != "_state"}


@pytest.mark.django_db
def test_a_page_made_of_a_row_is_the_page_from_db_makes(homes):
    row = _row_of(homes["en"])
    made, expected = (
        model_loading.page_from_row(ROW_FIELDS, row),
        Page.from_db(None, ROW_FIELDS, row),
    )
    assert type(made) is Page
    assert _values(made) == _values(expected)
    assert made.get_deferred_fields() == expected.get_deferred_fields()
    assert (made._state.adding, made._state.db) == (False, None)
    assert (made.pk, made.title) == (homes["en"].pk, homes["en"].title)


@pytest.mark.django_db
def test_a_column_left_out_is_read_when_asked_for(homes, django_assert_num_queries):
    made = model_loading.page_from_row(ROW_FIELDS, _row_of(homes["en"]))
    with django_assert_num_queries(1):
        assert made.translation_key == homes["en"].translation_key


@pytest.mark.django_db
def test_a_listener_of_the_init_signals_gets_from_db(homes):
    seen = []

    def listener(sender, instance, **kwargs):
        seen.append(instance)

    post_init.connect(listener, sender=Page)
    try:
        made = model_loading.page_from_row(ROW_FIELDS, _row_of(homes["en"]))
    finally:
        post_init.disconnect(listener, sender=Page)
    assert seen == [made]


def test_a_row_without_the_page_id_gets_from_db(monkeypatch):
    made = []
    monkeypatch.setattr(Page, "from_db", classmethod(lambda cls, *a: made.append(a) or "from_db"))
    assert model_loading.page_from_row(("title",), ("A page",)) == "from_db"
    assert made == [(None, ("title",), ("A page",))]


@pytest.mark.django_db
def test_pages_made_by_one_maker_are_the_pages_from_db_makes(homes):
    make_page = model_loading.page_maker(ROW_FIELDS)
    for page in (homes["en"], homes["fr"]):
        made, expected = make_page(_row_of(page)), Page.from_db(None, ROW_FIELDS, _row_of(page))
        assert type(made) is Page
        assert _values(made) == _values(expected)
        assert made.get_deferred_fields() == expected.get_deferred_fields()
