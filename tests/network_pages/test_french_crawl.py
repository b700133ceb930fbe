"""Issue 15: a French-speaking Focal Point, the DMR and a guest go through the whole
network area in French (every page and sub-view they can reach from /fr/reseau/) without
meeting an English interface string or a link that leaves French."""

import io
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from network_pages import access
from network_pages.area_addresses import SUB_PATH_SLUGS
from network_pages.meetings.models import MeetingPage
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[2] / "locale/fr/LC_MESSAGES/django.po"
START = "/fr/reseau/"
MAX_PAGES = 120
# Files, feeds and one-way actions: not pages to read (in French, and as they were).
NOT_PAGES = (
    "/exporter/",
    "/export/",
    "/vcard/",
    "/calendrier/",
    "/calendar/",
    "/csv/",
    "/xlsx/",
    "/documents/",
)
# A sub-view's part that has a French form: in a French link, it is an old address.
ENGLISH_PARTS = frozenset(
    english for english, others in SUB_PATH_SLUGS.items() if others.get("fr", english) != english
)


def is_old_address(href: str) -> bool:
    """An old French address: the English slugs (`/fr/network/`), or below a French page or
    view an English sub-view part (`/fr/reseau/methodes-de-travail/history/`)."""
    path = urldefrag(href)[0].split("?")[0]
    if path.startswith("/fr/network"):
        return True
    if not path.startswith(START):
        return False
    below_section = path[len(START) :].split("/")[1:]
    return any(part in ENGLISH_PARTS for part in below_section)


def english_interface_strings() -> set[str]:
    """The English msgids whose French differs: seeing one on a French page is a leak."""
    strings = set()
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete or "%" in entry.msgid or "{" in entry.msgid:
            continue
        if entry.msgstr and entry.msgstr != entry.msgid and len(entry.msgid) > 3:
            strings.add(" ".join(entry.msgid.split()))
    return strings


class PageReader(HTMLParser):
    """Text nodes outside content marked as another language, and every link."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []
        self.links: list[tuple[str, str | None]] = []

    def _foreign(self) -> bool:
        return any(foreign for _tag, foreign in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append((attributes["href"], attributes.get("hreflang")))
        if tag in self.VOID:
            return
        lang = attributes.get("lang")
        foreign = tag in {"script", "style", "title"} or (lang is not None and lang != "fr")
        self.stack.append((tag, foreign))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._foreign():
            self.texts.append(text)


def crawl(client, starts: list[str]) -> dict[str, PageReader]:
    seen, queue, pages = set(starts), deque(starts), {}
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            if response.streaming:
                # Read to the end, so the test client closes the file (never the response:
                # closing it would close the test's database connection).
                b"".join(response.streaming_content)
            continue
        reader = PageReader()
        reader.feed(response.content.decode())
        pages[url] = reader
        for href, _hreflang in reader.links:
            target = urldefrag(href)[0]
            if (
                target.startswith(START)
                and target not in seen
                and not any(part in target for part in NOT_PAGES)
            ):
                seen.add(target)
                queue.append(target)
    return pages


def starting_points(user) -> list[str]:
    """The French network home; for a guest, who may not open it, their meetings."""
    if access.is_member(user):
        return [START]
    return [
        meeting.url
        for meeting in MeetingPage.objects.live().filter(locale__language_code="fr")
        if access.user_may_view_page(user, meeting)
    ]


@pytest.mark.parametrize("username", ["fp_fr", "dmr", "guest"])
def test_the_network_area_in_french_speaks_french_and_stays_in_french(client, username):
    call_command("seed_demo", stdout=io.StringIO())
    user = get_user_model().objects.get(username=username)
    sign_in(client, user)
    english = english_interface_strings()

    pages = crawl(client, starting_points(user))

    assert len(pages) > (0 if username == "guest" else 10)
    english_found = sorted(
        {
            f"{url}: {text!r}"
            for url, page in pages.items()
            for text in page.texts
            if text in english
        }
    )
    leaving = sorted(
        {
            f"{url}: {href}"
            for url, page in pages.items()
            for href, hreflang in page.links
            # Out of French, or to an old French address (a redirect away).
            if (href.startswith("/en/") and hreflang != "en") or is_old_address(href)
        }
    )
    assert not english_found, f"{len(english_found)} English string(s):\n" + "\n".join(
        english_found
    )
    assert not leaving, f"{len(leaving)} link(s) out of French:\n" + "\n".join(leaving)


def test_the_reader_sees_english_interface_text_but_not_content_marked_english():
    reader = PageReader()
    reader.feed('<main><h2>Information requests</h2><p lang="en">Information requests</p></main>')

    assert [text for text in reader.texts if text in english_interface_strings()] == [
        "Information requests"
    ]


def test_a_link_to_an_english_sub_view_part_in_french_counts_as_an_old_address():
    assert is_old_address("/fr/reseau/methodes-de-travail/history/")
    assert is_old_address("/fr/reseau/demandes-d-information/accueil/responses/FR/")
    assert is_old_address("/fr/reseau/methodes-de-travail/comments/3/edit/#x")
    assert is_old_address("/fr/network/annuaire/")
    assert not is_old_address("/fr/reseau/methodes-de-travail/historique/")
    assert not is_old_address("/fr/reseau/demandes-d-information/accueil/reponses/FR/")
    assert not is_old_address("/fr/reseau/reunions/")
