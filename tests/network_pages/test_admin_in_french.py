"""Issue 15: a French-speaking DMR member's admin has no English string of ours: every admin
screen without arguments, and the editor of the area's pages, read in French show none of
the English interface strings our catalogue translates (Wagtail's own strings come from
Wagtail's French catalogue). Page titles are content: an English page keeps its title."""

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import get_language_info
from wagtail.models import Page

from network_pages.community.models import WorkingMethodsPage
from network_pages.information.factories import make_request
from network_pages.information.models import InformationRequestIndexPage
from network_pages.meetings.models import MeetingIndexPage
from tests.conftest import sign_in

from .test_french_crawl import PageReader, english_interface_strings

pytestmark = pytest.mark.django_db

# Not screens to read: files, redirections, one-way actions, Wagtail's deliberate error.
NOT_SCREENS = (
    "logout",
    "jsi18n",
    "sprite",
    "login",
    "export",
    "csv",
    "xlsx",
    "password",
    "failwhale",
    "^",
)


def admin_screens_without_arguments() -> list[str]:
    """Every admin URL pattern that takes no argument, as a path."""
    found = []

    def walk(patterns, prefix: str) -> None:
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern) and "<" not in route and "(" not in route:
                found.append("/" + (prefix + route).lstrip("^").rstrip("$"))

    walk(get_resolver().url_patterns, "")
    return sorted(
        path
        for path in set(found)
        if path.startswith("/admin/")
        and path.endswith("/")
        and not any(word in path for word in NOT_SCREENS)
    )


# wagtail-localize's translations report paginates an unordered queryset (its warning only).
@pytest.mark.filterwarnings("ignore::django.core.paginator.UnorderedObjectListWarning")
def test_a_french_speaking_dmr_member_reads_the_admin_without_our_english_strings(client, dmr_user):
    request_index = InformationRequestIndexPage.objects.get(locale__language_code="en")
    request = make_request(request_index, title="Accueil des mineurs", language="fr")
    editors = [
        f"/admin/pages/{page.pk}/edit/"
        for page in (
            request,
            WorkingMethodsPage.objects.get(locale__language_code="en"),
            MeetingIndexPage.objects.get(locale__language_code="en"),
        )
    ]
    sign_in(client, dmr_user)
    # As signing in does for a member whose preferred language is French.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    # Not interface strings: the titles of the English pages (content, listed as written)
    # and each language's name in that language (the admin's language choice).
    content = set(Page.objects.values_list("title", flat=True))
    own_names = {get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES}
    english = english_interface_strings() - content - own_names

    read, found = 0, []
    for path in [*admin_screens_without_arguments(), *editors]:
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        read += 1
        reader = PageReader()
        reader.feed(response.content.decode())
        found += [f"{path}: {text!r}" for text in reader.texts if text in english]

    assert read > 20
    assert not found, f"{len(found)} English string(s):\n" + "\n".join(sorted(set(found)))
