"""Index updates run in the worker (django-tasks): a web request never waits for them."""

from django_tasks import task

from . import indexing


@task()
def refresh_search_entries(source: str, pk: int) -> int:
    """Read the source again and write its entries; by now it may have changed or gone."""
    return indexing.refresh(source, pk)
