"""What makes every reader's kept rule stale (rule_cache.py) besides what makes their kept
documents stale (`document_cache.start_new_generation` starts both): an entry of a page added
to the search or taken out of it, since the filters offer the meetings and groups holding
entries. An entry updated in place changes nothing the rule reads."""

from django.db.models.signals import post_delete, post_save

from . import rule_cache
from .models import SearchEntry


def entry_saved(sender, instance: SearchEntry, created: bool = False, **kwargs) -> None:
    if created and instance.page_id is not None:
        rule_cache.start_new_generation()


def entry_deleted(sender, instance: SearchEntry, **kwargs) -> None:
    if instance.page_id is not None:
        rule_cache.start_new_generation()


def connect() -> None:
    post_save.connect(entry_saved, sender=SearchEntry, dispatch_uid="search_rules_entry_saved")
    post_delete.connect(
        entry_deleted, sender=SearchEntry, dispatch_uid="search_rules_entry_deleted"
    )
