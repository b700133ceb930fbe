"""The emails of the meetings: convocations (4.1) and agenda suggestion outcomes (4.4).

Plain text with an HTML alternative, the interface text in the recipient's language.
A convocation carries the content recorded when it was sent (its snapshot) and an
iCalendar invitation (METHOD:REQUEST, or CANCEL for a cancellation).
"""

from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from network_pages.meetings import ical
from network_pages.meetings.models.agenda_suggestion import AgendaSuggestion
from network_pages.meetings.models.convocation import Convocation, ConvocationDelivery
from network_pages.meetings.snapshot import MeetingSnapshot
from network_pages.models import MemberProfile
from network_pages.network_area import source_of

CONVOCATION_TEMPLATES = "meetings/emails/convocation"
OUTCOME_TEMPLATES = "meetings/emails/suggestion_outcome"


def absolute_url(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def page_url_in(page: Page, language: str) -> str:
    """The absolute address of `page` as read in `language` (the FR alias for French)."""
    source = source_of(page)
    translated = source
    if language != source.locale.language_code:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is not None:
            translated = source.get_translation_or_none(locale) or source
    _site, _root, path = translated.get_url_parts()
    return absolute_url(path)


def _render(templates: str, context: dict) -> tuple[str, str, str]:
    subject = " ".join(render_to_string(f"{templates}_subject.txt", context).split())
    text = render_to_string(f"{templates}.txt", context)
    html = render_to_string(f"{templates}.html", context)
    return subject, text, html


def _invitation_part(calendar: bytes, method: str) -> MIMEText:
    part = MIMEText(calendar.decode(), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="invitation.ics")
    return part


def convocation_message(
    convocation: Convocation, delivery: ConvocationDelivery, url: str
) -> EmailMultiAlternatives:
    """The email for one recipient, in their language."""
    snapshot = MeetingSnapshot.from_json(convocation.snapshot)
    cancelled = convocation.kind == Convocation.Kind.CANCELLATION
    with translation.override(delivery.language):
        context = {
            "name": delivery.name,
            "convocation": convocation,
            "meeting": snapshot,
            "url": url,
            "is_update": convocation.kind == Convocation.Kind.UPDATE,
            "is_cancellation": cancelled,
            "site_name": gettext("Network of Focal Points on Migration"),
        }
        subject, text, html = _render(CONVOCATION_TEMPLATES, context)
        method = ical.CANCEL if cancelled else ical.REQUEST
        calendar = ical.calendar_bytes(
            [
                ical.meeting_event(
                    snapshot,
                    uid=ical.event_uid(convocation.meeting),
                    sequence=convocation.sequence,
                    url=url,
                    stamp=convocation.sent_at,
                    attendee=(delivery.name, delivery.email),
                )
            ],
            method=method,
        )
    message = EmailMultiAlternatives(subject=subject, body=text, to=[delivery.email])
    message.attach_alternative(html, "text/html")
    message.attach(_invitation_part(calendar, method))
    return message


def suggestion_outcome_message(suggestion: AgendaSuggestion) -> EmailMultiAlternatives | None:
    """Tell the suggesting Focal Point what the DMR decided (4.4); None if nobody to tell."""
    user = suggestion.suggested_by
    if user is None or not user.is_active:
        return None
    profile = MemberProfile.objects.filter(user=user).first()
    language = profile.preferred_language if profile else settings.LANGUAGE_CODE
    email = user.email
    if not email:
        return None
    with translation.override(language):
        context = {
            "name": user.get_full_name() or user.get_username(),
            "suggestion": suggestion,
            "meeting_title": suggestion.meeting.title,
            "is_accepted": suggestion.status == AgendaSuggestion.Status.ACCEPTED,
            "url": page_url_in(suggestion.meeting, language),
            "site_name": gettext("Network of Focal Points on Migration"),
        }
        subject, text, html = _render(OUTCOME_TEMPLATES, context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[email])
    message.attach_alternative(html, "text/html")
    return message
