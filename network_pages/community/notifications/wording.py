"""What notification emails say about each kind of event: a title and a link, no content."""

from django.utils.translation import gettext

from network_pages.community.models.notification_preference import Kind


def subject(kind: str, title: str) -> str:
    templates = {
        Kind.COMMENT: gettext("New comment on “%(title)s”"),
        Kind.REPLY: gettext("New reply to your comment on “%(title)s”"),
        Kind.MEETING: gettext("New meeting: “%(title)s”"),
        Kind.REQUEST: gettext("New information request: “%(title)s”"),
        Kind.ITEM: gettext("Information for the network: “%(title)s”"),
        Kind.GROUP_UPDATE: gettext("Thematic group update: “%(title)s”"),
    }
    return templates[Kind(kind)] % {"title": title}


def sentence(kind: str, title: str, actor: str) -> str:
    """One sentence about the event, in the active language (plain text, not escaped)."""
    templates = {
        Kind.COMMENT: gettext("%(actor)s commented on “%(title)s”."),
        Kind.REPLY: gettext("%(actor)s replied to your comment on “%(title)s”."),
        Kind.MEETING: gettext("A new meeting has been published: “%(title)s”."),
        Kind.REQUEST: gettext("A new information request has been published: “%(title)s”."),
        Kind.ITEM: gettext("Information has been disseminated to the network: “%(title)s”."),
        Kind.GROUP_UPDATE: gettext(
            "A new update has been published in a thematic group: “%(title)s”."
        ),
    }
    return templates[Kind(kind)] % {"title": title, "actor": actor}


def actor_name(user) -> str:
    if user is None:
        return gettext("A member of the network")
    return user.get_full_name() or user.get_username()
