"""Issue 17: a library's list reads its entries as rows of the columns it shows and keeps
each row's markup for the process. The list is, byte for byte, what the template's loop
wrote from the entries as models (`TEMPLATE_ROWS`, read as the view read them before:
`select_related`, every column), for a Focal Point and the DMR, in English and French, on
every page and filtered, in a library and in every library's list, with titles, tags, file
names and libraries to escape; and a row changes as soon as anything it shows changes."""

import re
from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from wagtail.models import Page

from network_pages.library import places, views
from network_pages.library.factories import add_version, make_entry, pdf_file, text_file
from network_pages.library.languages import grouped_by_language
from network_pages.library.models import LibraryEntry, LibraryVersion
from network_pages.models import MemberState
from nfp_site import fragments
from tests.conftest import sign_in

from .test_list_markup import TEMPLATE_ROWS

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & l\'été "quoted"'
LIST = re.compile(r'<ul class="item-list library-entries">\n    (.*?)\n</ul>', re.DOTALL)


@pytest.fixture
def listed(libraries, dmr_user) -> dict[str, LibraryEntry]:
    """Entries in the network's library and a meeting's, over more than one page of two (the
    lists' length is patched to two): hostile titles, tags and file names, versions in
    both languages and another, an author state with an accented French name."""
    state = MemberState.objects.get(code="GR")
    hostile = make_entry(
        places.NETWORK,
        dmr_user,
        title=HOSTILE,
        upload=pdf_file("l'été & co (v1).pdf", text="hostile"),
        tags=(HOSTILE, "Détention"),
        member_state=state,
    )
    add_version(hostile, dmr_user, language="fr", upload=pdf_file("rapport été.pdf", text="fr"))
    add_version(hostile, dmr_user, language="en", upload=pdf_file("report.pdf", text="v2"))
    plain = make_entry(
        places.NETWORK,
        dmr_user,
        title="Notes & <minutes>",
        language="other",
        upload=text_file("notes 100%.txt", "Notes"),
        tags=("Détention",),
    )
    french = make_entry(places.NETWORK, dmr_user, title="Rapport", language="fr")
    meeting = make_entry(
        libraries["meeting"], dmr_user, title=f"Session {HOSTILE}", tags=("Réunion",)
    )
    return {"hostile": hostile, "plain": plain, "french": french, "meeting": meeting}


def old_rows(entries, language: str, libraries: dict | None = None) -> str:
    """The list's markup as the template's loop wrote it from models."""
    rows = []
    with translation.override(language):
        for entry in entries:
            library = None
            if libraries is not None:
                library = libraries.get(entry.meeting_id or entry.thematic_group_id, places.NETWORK)
            tag_names = [item.tag.name for item in entry.tagged_items.order_by("pk")]
            versions = grouped_by_language(entry.versions.select_related("document"), language)
            rows.append((entry, library, tag_names, versions))
        return Template(TEMPLATE_ROWS).render(Context({"rows": rows}))


def old_page(entries, number: int):
    """The models of page `number`, as the view read them before."""
    ordered = entries.distinct().select_related("member_state")
    size = views.ENTRIES_PER_PAGE
    return list(ordered[(number - 1) * size : number * size])


def list_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    found = LIST.search(response.content.decode())
    assert found, url
    return found.group(1)


def url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def queries() -> dict[str, dict]:
    """Each query of the list, with the filters it sets."""
    slug = Tag.objects.get(name="Détention").slug
    return {
        "": {},
        "?page=2": {"page": 2},
        f"?tag={slug}": {"tag": slug},
        "?language=fr": {"language": "fr"},
        "?state=GR&page=1": {"state": "GR"},
    }


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_a_librarys_list_is_written_as_before(listed, reader, language, request, monkeypatch):
    monkeypatch.setattr(views, "ENTRIES_PER_PAGE", 2)
    client = sign_in(Client(), request.getfixturevalue(reader))
    url = url_in(language, "library:network")
    for query, filters in queries().items():
        fragments.forget_rendered()
        entries = views.narrowed(places.NETWORK.entries(), filters)
        expected = old_rows(old_page(entries, filters.get("page", 1)), language)
        assert list_of(client, url + query) == expected, query
        # Written again from the rows kept for the process: the same.
        assert list_of(client, url + query) == expected, query
    first = list_of(client, url + "?page=2")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#x27;été" in first
    assert "<script>alert" not in first
    assert ("Greece" if language == "en" else "Grèce") in first


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_meetings_library_is_written_as_before(listed, libraries, focal_point, language):
    client = sign_in(Client(), focal_point)
    page_id = libraries["meeting"].page.pk
    url = url_in(language, "library:meeting", page_id=page_id)
    expected = old_rows(old_page(libraries["meeting"].entries(), 1), language)
    assert list_of(client, url) == expected
    assert list_of(client, url) == expected


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_every_librarys_list_is_written_as_before(listed, reader, language, request, monkeypatch):
    """Each row names its library: the meeting's title is escaped as the template did."""
    monkeypatch.setattr(views, "ENTRIES_PER_PAGE", 2)
    user = request.getfixturevalue(reader)
    client = sign_in(Client(), user)
    url = url_in(language, "library:all")
    readable = places.readable_libraries(user)
    for query, number in (("", 1), ("?page=2", 2), ("?library=meetings", 1)):
        fragments.forget_rendered()
        entries = readable.entries()
        if query == "?library=meetings":
            entries = entries.filter(meeting__isnull=False)
        with translation.override(language):
            libraries = readable.by_page_id()
            expected = old_rows(old_page(entries, number), language, libraries)
        assert list_of(client, url + query) == expected, query
        assert list_of(client, url + query) == expected, query


def test_a_row_is_written_again_when_anything_it_shows_changes(
    listed, libraries, dmr_user, focal_point
):
    """Nothing to invalidate: each change is another key (the old markup is never shown)."""
    client = sign_in(Client(), focal_point)
    network, every = url_in("en", "library:network"), url_in("en", "library:all")
    entry, meeting = listed["hostile"], listed["meeting"]

    def assert_as_before() -> None:
        readable = places.readable_libraries(focal_point)
        expected = old_rows(old_page(places.NETWORK.entries(), 1), "en")
        assert list_of(client, network) == expected
        with translation.override("en"):
            expected = old_rows(old_page(readable.entries(), 1), "en", readable.by_page_id())
        assert list_of(client, every) == expected

    assert_as_before()
    LibraryEntry.objects.filter(pk=entry.pk).update(title="Renamed & <b>")
    assert_as_before()
    entry.tags.add("Nouveau tag")
    assert_as_before()
    entry.tags.remove("Détention")
    assert_as_before()
    add_version(entry, dmr_user, language="fr", upload=pdf_file("rapport v2.pdf", text="fr2"))
    assert_as_before()
    # The list reads the versions newest first without their times: an older version
    # dated later becomes the current one, and equal times are ordered by id, as before.
    oldest = entry.versions.filter(language="fr").order_by("uploaded_at", "pk").first()
    newest = entry.versions.order_by("-uploaded_at", "-pk").first()
    LibraryVersion.objects.filter(pk=oldest.pk).update(
        uploaded_at=newest.uploaded_at + timedelta(seconds=1)
    )
    assert_as_before()
    entry.versions.update(uploaded_at=newest.uploaded_at)
    assert_as_before()
    LibraryEntry.objects.filter(pk=entry.pk).update(member_state=None)
    assert_as_before()
    MemberState.objects.filter(code="FR").update(name_en="France & <co>")
    LibraryEntry.objects.filter(pk=entry.pk).update(
        member_state_id=MemberState.objects.get(code="FR").pk
    )
    assert_as_before()
    Page.objects.filter(pk=meeting.meeting_id).update(title="Renamed <session>")
    LibraryEntry.objects.filter(pk=meeting.pk).update(date=entry.date)
    assert_as_before()
    assert "Renamed &lt;session&gt;" in list_of(client, every)
