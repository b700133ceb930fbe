"""Pages loaded from the database without modelcluster's work for child objects passed in.

`ClusterableModel.__init__` (the base of every Wagtail page) lists all of the model's
fields and the accessor name of each child relation on every instance it makes, to find
child objects passed as keyword arguments: ~0.3 ms per page on this machine (a page type
has dozens of reverse relations), and a network page makes 10 to 50 pages (its route,
restrictions, listings) (issue 17). Rows read from the database never pass any (Django's
`from_db` gives the values by position): without keyword arguments it goes straight to
Django's constructor, which is what modelcluster itself ends up calling then."""

from collections.abc import Callable, Iterable, Sequence
from functools import partial

from django.db.models import Model
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_init, pre_init
from modelcluster.models import ClusterableModel
from wagtail.models import Page

_clusterable_init = ClusterableModel.__init__


def _init(self, *args, **kwargs) -> None:
    if kwargs:
        _clusterable_init(self, *args, **kwargs)
    else:
        # What modelcluster's own __init__ calls when no child objects are passed.
        super(ClusterableModel, self).__init__(*args)


def skip_child_relations_without_keywords() -> None:
    """Installed once, from the operations app's `ready`."""
    if ClusterableModel.__init__ is not _init:
        ClusterableModel.__init__ = _init


# --- rows made into pages ---------------------------------------------------------------


def in_field_order(model: type[Model], names: Iterable[str]) -> tuple[str, ...]:
    """`names` (attnames of `model`) in the order of its fields, as `Model.from_db` and
    `page_from_row` take the columns of a row."""
    wanted = set(names)
    return tuple(field.attname for field in model._meta.concrete_fields if field.attname in wanted)


_plain: dict[tuple[str, ...], bool] = {}


def _plain_columns(field_names: tuple[str, ...]) -> bool:
    """Whether each column is a plain attribute of a page, as `Model.__init__` sets it: a
    field's value (`DeferredAttribute`) or a foreign key's id, never a descriptor that
    converts what it is given, and the page's id among them."""
    if field_names not in _plain:
        _plain[field_names] = "id" in field_names and all(
            type(getattr(Page, name, None)) in (DeferredAttribute, ForeignKeyDeferredAttribute)
            for name in field_names
        )
    return _plain[field_names]


def page_from_row(field_names: tuple[str, ...], values) -> Page:
    """`Page.from_db(None, field_names, values)` (`field_names` attnames in the model's
    field order, as `from_db` takes them): the same page, its other columns deferred (read
    when asked for), without `Model.__init__`'s walk over every field of the model, ~10 µs a
    page (the network home makes ~90 pages of its activity's rows, issue 17).

    Only where `__init__` would do nothing more than set those attributes: with the page's
    id (Wagtail's `Page.__init__` only sets defaults for a page without one, modelcluster's
    nothing for a row, `_init`), nothing listening to the init signals, every column a
    plain attribute (`_plain_columns`); anywhere else, `from_db` itself."""
    return page_maker(field_names)(values)


def page_maker(field_names: tuple[str, ...]) -> Callable[[Sequence], Page]:
    """`page_from_row` for many rows of the same columns: whether a row can be made into a
    page without `from_db` is asked once for all of them (the init signals' listeners
    looked up twice per page cost as much as making it)."""
    if (
        Page.from_db.__func__ is not Model.from_db.__func__
        or pre_init.has_listeners(Page)
        or post_init.has_listeners(Page)
        or not _plain_columns(field_names)
    ):
        return partial(Page.from_db, None, field_names)
    return partial(_page_of_plain_columns, field_names)


def _page_of_plain_columns(field_names: tuple[str, ...], values: Sequence) -> Page:
    page = Page.__new__(Page)
    state = page._state = ModelState()
    state.adding = False
    state.db = None
    page.__dict__.update(zip(field_names, values, strict=True))
    return page
