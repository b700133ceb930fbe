"""Emails of this app: title and link only, never the confidential content, each in the
recipient's language (their profile's preferred language)."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale, Page

from network_pages import access, roles
from network_pages.models import MemberProfile
from nfp_site.operations import outbox

REMINDER = "information.reminder"
REVIEW = "information.review"


def language_of(user) -> str:
    profile = getattr(user, "member_profile", None)
    return getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE


def page_url_in(page: Page, language: str) -> str:
    """The page's address in `language`: its alias in that locale if there is one."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None and locale.pk != page.locale_id:
        page = page.get_translation_or_none(locale) or page
    url = page.get_url() or ""
    if url.startswith("/"):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def admin_edit_url(page: Page) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}/admin/pages/{page.pk}/edit/"


def active_members():
    """Active accounts with an active profile, their groups read with them (one query)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, member_profile__is_active=True)
        .select_related("member_profile")
        .prefetch_related(Prefetch("groups"))
        .distinct()
        .order_by("pk")
    )


def _with_group_names(users: Iterable) -> list:
    users = list(users)
    for user in users:
        user._nfp_group_names = frozenset(group.name for group in user.groups.all())
    return users


def focal_points(*, states=None) -> list:
    """Active Focal Points and deputies (of `states`, if given)."""
    users = active_members().filter(
        groups__name=roles.FOCAL_POINTS,
        member_profile__function__in=MemberProfile.STATE_FUNCTIONS,
    )
    if states is not None:
        users = users.filter(member_profile__member_state__in=states)
    return _with_group_names(users)


def dmr_secretariat() -> list:
    return _with_group_names(active_members().filter(groups__name=roles.DMR_SECRETARIAT))


def who_may_view(users: Iterable, page: Page) -> list:
    """Only the people the access rule would let see the page (3.1)."""
    return [user for user in users if user.email and access.user_may_view_page(user, page)]


def send_to_each(
    users: Iterable, template: str, context: dict, *, url_for=None, purpose: str = ""
) -> int:
    """Queue one email per user, in their language; `url_for(language)` gives the link."""
    messages = []
    for user in users:
        language = language_of(user)
        with translation.override(language):
            values = {
                **context,
                "name": user.get_full_name() or user.get_username(),
                "url": url_for(language) if url_for else context.get("url", ""),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            subject = render_to_string(f"information/emails/{template}_subject.txt", values)
            body = render_to_string(f"information/emails/{template}.txt", values)
        messages.append(EmailMessage(" ".join(subject.split()), body, to=[user.email]))
    return len(outbox.queue_all(messages, purpose=purpose))
