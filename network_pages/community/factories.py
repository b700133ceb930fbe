"""Build thematic groups, workspace updates and comments for tests and demo content."""

import datetime

from wagtail.models import Page

from network_pages import network_area
from network_pages.community.models import (
    MemberComment,
    ThematicGroupIndexPage,
    ThematicGroupPage,
    ThematicGroupUpdatePage,
)


def publish(parent: Page, page: Page, *, user=None) -> Page:
    """Add `page` under `parent`, publish it, mirror it into French; return it fresh."""
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    fresh = type(page).objects.get(pk=page.pk)
    network_area.mirror_into_other_locales(fresh)
    return type(page).objects.get(pk=page.pk)


def make_thematic_group(
    index: ThematicGroupIndexPage,
    title: str = "Reception of unaccompanied children",
    *,
    theme: str = "Reception conditions",
    status: str = ThematicGroupPage.Status.ACTIVE,
    members_only: bool = False,
    **fields,
) -> ThematicGroupPage:
    return publish(
        index,
        ThematicGroupPage(
            title=title,
            theme=theme,
            status=status,
            workspace_members_only=members_only,
            mandate=fields.pop("mandate", "<p>Share practices and prepare a thematic session.</p>"),
            locale=index.locale,
            **fields,
        ),
    )


def make_update(
    group: ThematicGroupPage, title: str = "Minutes of the first call", *, body: str = "", **fields
) -> ThematicGroupUpdatePage:
    return publish(
        group,
        ThematicGroupUpdatePage(
            title=title,
            body=body or "<p>Notes of the call.</p>",
            date=fields.pop("date", datetime.date(2026, 3, 2)),
            locale=group.locale,
            **fields,
        ),
    )


def make_comment(page: Page, author, body: str = "A comment.", **fields) -> MemberComment:
    source = network_area.source_of(page)
    return MemberComment.objects.create(page=source, author=author, body=body, **fields)
