"""Demo content of the libraries (`seed_demo`, idempotent): last year's plenary report in
English and French, a handbook in the network's library with two versions, and a group's
library open to its members' uploads."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from network_pages.community.models import ThematicGroupPage
from network_pages.decisions.demo import PAST_PLENARY_SLUG
from network_pages.meetings.models import MeetingPage
from network_pages.models import NetworkHomePage

from . import places
from .factories import add_version, make_entry
from .models import LibraryEntry, UploadPolicy

OPEN_GROUP_SLUG = "reception-of-unaccompanied-children"


def simple_pdf(*lines: str) -> bytes:
    """A one-page PDF showing `lines` (ASCII), small enough to write by hand, so that the
    preview shows something real in `make run`."""
    text = " ".join(f"({line.replace('(', '[').replace(')', ']')}) Tj 0 -20 Td" for line in lines)
    stream = f"BT /F1 14 Tf 60 760 Td {text} ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return body


def _pdf(name: str, *lines: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, simple_pdf(*lines), content_type="application/pdf")


def _entry(library: places.Library, dmr, title: str, **fields) -> LibraryEntry | None:
    """The entry, created with its first file unless it exists; None if it existed."""
    if library.entries().filter(title=title).exists():
        return None
    return make_entry(library, dmr, title=title, **fields)


def seed_library_demo(network: NetworkHomePage) -> list[str]:
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=["dmr", "fp_fr"])
    }
    dmr = users["dmr"]
    today = timezone.localdate()
    lines = ["Document library:"]

    handbook = _entry(
        places.NETWORK,
        dmr,
        title="Handbook of the network",
        upload=_pdf("handbook.pdf", "Handbook of the network", "Draft for comments"),
        note="Draft for comments",
        tags=("Working methods",),
        date=today - timedelta(days=90),
    )
    if handbook is not None:
        add_version(
            handbook,
            dmr,
            upload=_pdf("handbook-final.pdf", "Handbook of the network", "As adopted"),
            note="As adopted by the plenary",
        )
    lines.append(f"  network library: {places.NETWORK.url()} (two versions of the handbook)")

    plenary = MeetingPage.objects.filter(slug=PAST_PLENARY_SLUG, alias_of__isnull=True).first()
    if plenary is not None:
        library = places.Library(places.Kind.MEETING, plenary)
        report = _entry(
            library,
            dmr,
            title="Report of the plenary meeting",
            upload=_pdf("report-en.pdf", "Report of the plenary meeting"),
            tags=("Meeting reports",),
            date=plenary.closing.date() if plenary.closing else today,
        )
        if report is not None:
            add_version(
                report,
                dmr,
                language="fr",
                upload=_pdf("rapport-fr.pdf", "Rapport de la reunion pleniere"),
                note="Version francaise",
            )
        lines.append(f"  meeting library (EN and FR report): {library.url()}")

    group = ThematicGroupPage.objects.filter(slug=OPEN_GROUP_SLUG, alias_of__isnull=True).first()
    if group is not None:
        library = places.Library(places.Kind.GROUP, group)
        UploadPolicy.objects.get_or_create(page=group, defaults={"focal_points_may_upload": True})
        _entry(
            library,
            users.get("fp_fr") or dmr,
            title="Checklist for the first interview",
            upload=_pdf("checklist.pdf", "Checklist for the first interview"),
            tags=("Guides",),
            member_state=getattr(
                getattr(users.get("fp_fr"), "member_profile", None), "member_state", None
            ),
        )
        lines.append(
            f"  group library (its members add documents; sign in as fp_fr): {library.url()}"
        )
    return lines
