"""Pages loaded from the database without modelcluster's work for child objects passed in.

`ClusterableModel.__init__` (the base of every Wagtail page) lists all of the model's
fields and the accessor name of each child relation on every instance it makes, to find
child objects passed as keyword arguments: ~0.3 ms per page on this machine (a page type
has dozens of reverse relations), and a network page makes 10 to 50 pages (its route,
restrictions, listings) (issue 17). Rows read from the database never pass any (Django's
`from_db` gives the values by position): without keyword arguments it goes straight to
Django's constructor, which is what modelcluster itself ends up calling then."""

from modelcluster.models import ClusterableModel

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
