"""The document libraries: an entry with a PDF in the network's library, in meeting A's (its
guest reads it) and in the members-only group's, each with markers in its title and in its
file, and every library URL (list, add, policy, entry, preview, download), missing ones too."""

from django.core.files.uploadedfile import SimpleUploadedFile

from network_pages.area_addresses import localized
from network_pages.library import places
from network_pages.library.factories import PDF_BYTES, make_entry

from .expectations import Outcome, restricted_to
from .marked_site import MarkedSite
from .network_content import GROUP_MEMBERS, MEETING_A
from .roles import MEMBERS, Role

DMR_ONLY = frozenset({Role.DMR})


def build_library(site: MarkedSite, users: dict) -> None:
    libraries = (
        ("network", places.NETWORK, MEMBERS),
        ("meeting A", places.Library(places.Kind.MEETING, site.things["meeting_a"]), MEETING_A),
        (
            "private group",
            places.Library(places.Kind.GROUP, site.things["private_group"]),
            GROUP_MEMBERS,
        ),
    )
    entries = []
    for name, library, readers in libraries:
        title = site.mark(f"library entry {name}", readers)
        content = site.mark(f"library file {name}", readers)
        upload = SimpleUploadedFile(f"{name}.pdf".replace(" ", "-"), PDF_BYTES + content.encode())
        entry = make_entry(library, users[Role.DMR], title=title, upload=upload)
        entries.append((library, readers, entry, title, content))
    site.things["library_entries"] = entries
    for language in ("en", "fr"):
        build_library_probes(site, language)
    document = entries[0][2].versions.get().document
    site.probe(document.url, restricted_to(MEMBERS), entries[0][4])


def build_library_probes(site: MarkedSite, language: str) -> None:
    for library, readers, entry, title, content in site.things["library_entries"]:
        english = library.url().replace("/en/", f"/{language}/", 1)
        base = localized(english)
        site.probe(base, restricted_to(readers), title)
        # Adding: the DMR only, as no library lets its Focal Points add here.
        refused_readers = {r.name.lower(): Outcome.REFUSED for r in readers - DMR_ONLY}
        site.probe(localized(f"{english}add/"), restricted_to(readers, **refused_readers))
        if library.page is not None:
            site.probe(
                localized(f"{english}policy/"),
                restricted_to(readers, **refused_readers, dmr=Outcome.NOT_ALLOWED),
            )
        library_root = f"/{language}/network/library"
        site.probe(
            localized(f"{library_root}/documents/{entry.pk}/"), restricted_to(readers), title
        )
        site.probe(
            localized(f"{library_root}/documents/{entry.pk}/move/"),
            restricted_to(readers, **refused_readers, dmr=Outcome.NOT_ALLOWED),
        )
        version = entry.versions.get()
        site.probe(
            localized(f"{library_root}/versions/{version.pk}/preview/"),
            restricted_to(readers),
            content,
        )
    # Every library at once: each entry's markers are judged by its own library's readers.
    meeting_a_title = site.things["library_entries"][1][3]
    site.probe(
        localized(f"/{language}/network/library/all/"),
        restricted_to(MEETING_A),
        meeting_a_title,
    )
    # What does not exist answers as what one may not read; the DMR alone learns it is not
    # there (it reads everything).
    missing = restricted_to(DMR_ONLY, dmr=Outcome.NOT_FOUND)
    for route in (
        "meetings/999999/",
        "meetings/999999/add/",
        "meetings/999999/policy/",
        "groups/999999/",
        "groups/999999/add/",
        "groups/999999/policy/",
        "documents/999999/",
        "documents/999999/move/",
        "versions/999999/preview/",
    ):
        site.probe(localized(f"/{language}/network/library/{route}"), missing)
