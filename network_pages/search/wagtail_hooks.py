"""The admin's bulk actions, some of which write with a bulk `update()` (Wagtail's "add to
collection" of documents): no signal tells the search's kept documents (document_cache.py),
so every bulk action starts a new generation. Broad on purpose, as the signals are."""

from wagtail import hooks

from . import document_cache


@hooks.register("after_bulk_action")
def forget_kept_documents(request, action_type, objects, action_class_instance) -> None:
    document_cache.start_new_generation()
