"""The community pages every installation has, under the English network root (idempotent):
"Thematic groups", "Thematic rapporteurs" and "Working methods" (mirrored into French)."""

import datetime
import re
from pathlib import Path

from django.db import transaction
from wagtail.models import Page

from network_pages import network_area
from network_pages.community.models import (
    RapporteurListPage,
    ThematicGroupIndexPage,
    WorkingMethodsPage,
)
from network_pages.models import NetworkHomePage

WORKING_METHODS_TEXT = Path(__file__).resolve().parent / "seed" / "working-methods.txt"

SECTION = re.compile(r"^(\d+)\.\s+(\S.*)$")
CLAUSE = re.compile(r"^(\d+\.\d+)\.\s+(\S.*)$")
ITEM = re.compile(r"^[a-z]\.\s+\S")
HEADER_LINES = 3  # the date, "NETWORK OF FOCAL POINTS ON MIGRATION", "Working methods"


def working_methods_blocks(text: str) -> tuple[datetime.date | None, list[dict]]:
    """The seed text as (date, StreamField data): the preamble's paragraphs, then numbered
    sections and clauses; a clause's lettered items stay in its text, one per line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    adopted_on = None
    try:
        adopted_on = datetime.datetime.strptime(lines[0], "%d %B %Y").date()
    except (IndexError, ValueError):
        pass
    blocks: list[dict] = []
    for line in lines[HEADER_LINES:]:
        if clause := CLAUSE.match(line):
            blocks.append({"type": "clause", "value": {"number": clause[1], "text": clause[2]}})
        elif ITEM.match(line) and blocks and blocks[-1]["type"] == "clause":
            blocks[-1]["value"]["text"] += f"\n{line}"
        elif section := SECTION.match(line):
            blocks.append({"type": "section", "value": {"number": section[1], "title": section[2]}})
        else:
            blocks.append({"type": "paragraph", "value": line})
    return adopted_on, blocks


def _ensure_child(network: NetworkHomePage, model, **fields) -> Page:
    page = model.objects.child_of(network).first()
    if page is None:
        page = network.add_child(
            instance=model(locale=network.locale, show_in_menus=True, **fields)
        )
        page.save_revision().publish()
        page = model.objects.get(pk=page.pk)
    network_area.mirror_into_other_locales(page)
    return page


@transaction.atomic
def ensure_community_pages(network: NetworkHomePage) -> dict[str, Page]:
    """Create what is missing; existing pages (and the DMR's revisions) are left alone."""
    adopted_on, body = working_methods_blocks(WORKING_METHODS_TEXT.read_text(encoding="utf-8"))
    return {
        "thematic_groups": _ensure_child(
            network,
            ThematicGroupIndexPage,
            title="Thematic groups",
            slug="thematic-groups",
            intro=(
                "Thematic groups bring together members of the network who volunteer to "
                "share specialised expertise on one theme (working methods, 4.8)."
            ),
        ),
        "rapporteurs": _ensure_child(
            network,
            RapporteurListPage,
            title="Thematic rapporteurs",
            slug="rapporteurs",
        ),
        "working_methods": _ensure_child(
            network,
            WorkingMethodsPage,
            title="Working methods",
            slug="working-methods",
            adopted_on=adopted_on,
            body=body,
        ),
    }
