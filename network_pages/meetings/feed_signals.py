"""What makes every kept calendar feed stale (feed_cache.py): any change to a page, a view
restriction or its groups, a group, an agenda item or a convocation starts a new
generation. Broad on purpose: a feed written again costs a few tens of milliseconds; one
kept too long could list a meeting its reader may no longer open."""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import post_page_move

from network_pages.meetings import feed_cache
from network_pages.meetings.models import AgendaItem, Convocation


def page_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        feed_cache.start_new_generation()


def changed(sender, **kwargs) -> None:
    feed_cache.start_new_generation()


def connect() -> None:
    for signal in (post_save, post_delete):
        # Every page type: a meeting, the pages its address goes through, its alias.
        signal.connect(page_changed, dispatch_uid=f"meetings_feed_page_{id(signal)}")
        for model in (PageViewRestriction, Group, Site, AgendaItem, Convocation):
            signal.connect(
                changed, sender=model, dispatch_uid=f"meetings_feed_{model.__name__}_{id(signal)}"
            )
    post_page_move.connect(changed, dispatch_uid="meetings_feed_page_moved")
    m2m_changed.connect(
        changed, sender=PageViewRestriction.groups.through, dispatch_uid="meetings_feed_groups"
    )
