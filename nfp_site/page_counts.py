"""`max_count_per_parent` counted once per parent (issue 17).

Wagtail decides whether a page may get an "Add child page" button by asking every page type
that may go under it whether one more fits (`Page.can_create_at`): for a type limited per
parent, one count of the parent's children of that type each. The network home and the
public home pages have eight such sections: eight counts, on every explorer listing and
header of those pages. A section type with this mixin reads the parent's children by type
once (kept on the parent object while its number of children stays the same) and answers
Wagtail's rule from it: same rule, one query.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from wagtail.models import get_page_models

CACHE = "_nfp_children_by_type"


def children_by_type(parent) -> dict[int, int]:
    """{content type id: number of the parent's children of that type}, read once per
    parent object and number of children."""
    cached = parent.__dict__.get(CACHE)
    if cached is None or cached[0] != parent.numchild:
        counts = dict(
            parent.get_children()
            .order_by()
            .values_list("content_type")
            .annotate(count=Count("pk"))
            .values_list("content_type", "count")
        )
        cached = parent.__dict__[CACHE] = (parent.numchild, counts)
    return cached[1]


class OncePerParent:
    """For a page type with `max_count_per_parent` (before `Page` in its bases)."""

    @classmethod
    def can_create_at(cls, parent) -> bool:
        if cls.max_count_per_parent is None:
            return super().can_create_at(parent)
        # Wagtail's rule (Page.can_create_at), the per-parent count read from the parent.
        if not (cls.is_creatable and cls.can_exist_under(parent)):
            return False
        if cls.max_count is not None and cls.objects.count() >= cls.max_count:
            return False
        counts = children_by_type(parent)
        # `parent.get_children().type(cls)`: this type and its subclasses.
        same_type = [
            ContentType.objects.get_for_model(model).pk
            for model in get_page_models()
            if issubclass(model, cls)
        ]
        return sum(counts.get(pk, 0) for pk in same_type) < cls.max_count_per_parent
