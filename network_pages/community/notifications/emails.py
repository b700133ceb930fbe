"""Notification emails: in the recipient's language, with the page's title and a link.

Never the confidential content itself: no comment text, no page body. Templates escape
everything (HTML part); the text part is plain text.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale, Page

from network_pages.community.models.notification import Notification
from network_pages.community.models.notification_preference import Kind
from nfp_site.operations import outbox

from . import wording

TEMPLATES = "community/emails"


def language_of(user) -> str:
    try:
        return user.member_profile.preferred_language or settings.LANGUAGE_CODE
    except ObjectDoesNotExist:
        return settings.LANGUAGE_CODE


def absolute(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


class PageLinks:
    """Absolute links to pages in a reader's language (the alias in that locale, if any)."""

    def __init__(self) -> None:
        self._locales: dict[str, Locale | None] = {}
        self._links: dict[tuple[int, str], str] = {}

    def __call__(self, page: Page, language: str) -> str:
        key = (page.pk, language)
        if key not in self._links:
            if language not in self._locales:
                self._locales[language] = Locale.objects.filter(language_code=language).first()
            locale = self._locales[language]
            target = page
            if locale is not None and page.locale_id != locale.pk:
                target = page.get_translation_or_none(locale) or page
            parts = target.get_url_parts()
            self._links[key] = absolute(parts[2]) if parts else absolute("/")
        return self._links[key]


def settings_link() -> str:
    """The notification settings page, in the active language."""
    return absolute(reverse("community:notification_settings"))


NOTIFICATION = "notifications.notification"
DIGEST = "notifications.digest"


def _send_from_templates(name: str, context: dict, to: str, purpose: str) -> None:
    subject = " ".join(render_to_string(f"{TEMPLATES}/{name}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{TEMPLATES}/{name}.txt", context),
        to=[to],
    )
    message.attach_alternative(render_to_string(f"{TEMPLATES}/{name}.html", context), "text/html")
    outbox.queue(message, purpose=purpose)


def send_notification(notification: Notification, links: PageLinks) -> None:
    """One event, one email (immediate delivery)."""
    recipient = notification.recipient
    language = language_of(recipient)
    with translation.override(language):
        link = links(notification.page, language)
        if notification.anchor:
            link = f"{link}#{notification.anchor}"
        title = notification.page.title
        context = {
            "site_name": gettext("Network of Focal Points on Migration"),
            "name": recipient.get_full_name() or recipient.get_username(),
            "subject": wording.subject(notification.kind, title),
            "sentence": wording.sentence(
                notification.kind, title, wording.actor_name(notification.actor)
            ),
            "link": link,
            "settings_link": settings_link(),
        }
        _send_from_templates("notification", context, recipient.email, NOTIFICATION)


@dataclass
class DigestEntry:
    title: str
    link: str
    count: int = 0
    count_label: str = ""


@dataclass
class DigestSection:
    heading: str
    entries: "OrderedDict[int, DigestEntry]" = field(default_factory=OrderedDict)


def send_digest(recipient, notifications: list[Notification], links: PageLinks) -> None:
    """Everything queued for one person, grouped by kind and page, in one email."""
    language = language_of(recipient)
    with translation.override(language):
        sections: OrderedDict[str, DigestSection] = OrderedDict()
        for kind in Kind:
            sections[kind] = DigestSection(heading=str(kind.label))
        for notification in notifications:
            section = sections[Kind(notification.kind)]
            entry = section.entries.get(notification.page_id)
            if entry is None:
                entry = section.entries[notification.page_id] = DigestEntry(
                    title=notification.page.title, link=links(notification.page, language)
                )
            entry.count += 1
        for section in sections.values():
            for entry in section.entries.values():
                entry.count_label = ngettext(
                    "%(count)d new notification", "%(count)d new notifications", entry.count
                ) % {"count": entry.count}
        context = {
            "site_name": gettext("Network of Focal Points on Migration"),
            "name": recipient.get_full_name() or recipient.get_username(),
            "count": len(notifications),
            "sections": [section for section in sections.values() if section.entries],
            "settings_link": settings_link(),
        }
        _send_from_templates("digest", context, recipient.email, DIGEST)
