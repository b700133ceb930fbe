"""Demo content for `make run`: thematic groups, a rapporteur, comments to see and answer.

Runs after the demo accounts exist (`network_pages.demo`); idempotent.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from network_pages.community import thematic_groups
from network_pages.community.factories import make_comment, make_thematic_group, make_update
from network_pages.community.models import (
    MemberComment,
    Rapporteur,
    ThematicGroupPage,
    ThematicGroupUpdatePage,
)
from network_pages.community.site_setup import ensure_community_pages
from network_pages.models import NetworkHomePage

GROUPS = [
    {
        "title": "Reception of unaccompanied children",
        "slug": "reception-of-unaccompanied-children",
        "theme": "Reception conditions for unaccompanied and separated children",
        "status": ThematicGroupPage.Status.ACTIVE,
        "members_only": False,
        "members": ["approver", "fp_fr"],
        "update": "Kick-off call: notes and next steps",
    },
    {
        "title": "Digitalisation of asylum procedures",
        "slug": "digitalisation-of-asylum-procedures",
        "theme": "Digital tools in asylum procedures and their safeguards",
        "status": ThematicGroupPage.Status.PROPOSED,
        "members_only": True,
        "members": ["fp_de"],
        "update": "Draft questionnaire (for the group's members)",
    },
]


def _users() -> dict:
    names = ["dmr", "approver", "fp_fr", "fp_de", "fp_pl"]
    return {user.username: user for user in get_user_model().objects.filter(username__in=names)}


def _ensure_group(index, spec: dict, users: dict) -> ThematicGroupPage:
    group = ThematicGroupPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if group is None:
        group = make_thematic_group(
            index,
            spec["title"],
            slug=spec["slug"],
            theme=spec["theme"],
            status=spec["status"],
            members_only=spec["members_only"],
        )
    for username in spec["members"]:
        thematic_groups.join(users[username], group, added_by=users["dmr"])
    if not ThematicGroupUpdatePage.objects.child_of(group).exists():
        make_update(group, spec["update"])
    thematic_groups.sync_workspace(group)
    return group


def seed_community_demo(network: NetworkHomePage) -> list[str]:
    """Create (or find) the community demo content; return lines for the newcomer."""
    pages = ensure_community_pages(network)
    users = _users()
    groups = [_ensure_group(pages["thematic_groups"], spec, users) for spec in GROUPS]
    today = timezone.localdate()
    Rapporteur.objects.get_or_create(
        user=users["approver"],
        thematic_group=groups[0],
        defaults={
            "start_date": today - datetime.timedelta(days=60),
            "end_date": today + datetime.timedelta(days=670),
            "volunteered": True,
            "appointed_by": users["dmr"],
        },
    )
    Rapporteur.objects.get_or_create(
        user=users["fp_pl"],
        thematic_group=None,
        theme="Statelessness",
        defaults={
            "start_date": today - datetime.timedelta(days=30),
            "volunteered": True,
            "appointed_by": users["dmr"],
        },
    )
    working_methods = pages["working_methods"]
    if not MemberComment.objects.filter(page=working_methods).exists():
        suggestion = make_comment(
            working_methods,
            users["fp_de"],
            "A suggestion on 4.6: could each information request also give the date by which "
            "answers are expected? The Committee's practice is described at "
            "https://www.coe.int/en/web/migration-and-refugees.",
        )
        # Four replies: the page shows the latest three and "Show all 4 replies" (issue 17).
        for author, text in [
            ("dmr", "Thank you: we will put it on the agenda of the next plenary meeting."),
            (
                "fp_fr",
                "La France soutient cette proposition\u202f: une date nous aide à organiser la "
                "consultation des ministères.",
            ),
            ("approver", "Italy too, provided the date counts working days, as in 4.1."),
            ("fp_pl", "Poland agrees; could the date also appear in the reminder emails?"),
        ]:
            # A member writes in either language; the comment says which (4.6).
            language = "fr" if author == "fp_fr" else "en"
            make_comment(working_methods, users[author], text, parent=suggestion, language=language)
    return [
        f"Thematic groups: {pages['thematic_groups'].url}",
        f"Thematic rapporteurs: {pages['rapporteurs'].url}",
        f"Working methods (with comments and history): {working_methods.url}",
        f"Members-only workspace (fp_de is a member, fp_fr is not): {groups[1].url}",
        "Notification settings: /en/notifications/  ·  digests: manage.py send_digests",
    ]
