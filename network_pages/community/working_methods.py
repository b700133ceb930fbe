"""The history of the working methods (4.10): each published version and what it changed.

A version's text is its blocks in reading order, one line per block ("4.8. If considered
necessary..."). Consecutive published versions are compared line by line, and a changed
line word by word, so that members read "4.8 changed: ... [removed] ... [added]".
"""

import difflib
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext
from wagtail.models import Page, PageLogEntry

VERSIONS_PER_PAGE = 10
PUBLISH_ACTION = "wagtail.publish"
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.\s")


def text_lines(body) -> list[str]:
    """The working methods as lines of plain text, one per block."""
    lines = []
    for block in body:
        value = block.value
        if block.block_type == "section":
            number = value.get("number")
            lines.append(f"{number}. {value['title']}" if number else value["title"])
        elif block.block_type == "clause":
            text = " ".join(value["text"].split())
            lines.append(f"{value['number']}. {text}")
        else:
            lines.append(" ".join(str(value).split()))
    return [line for line in lines if line]


@dataclass
class Segment:
    """A run of words: kept, removed or added."""

    kind: str  # "same", "removed", "added"
    text: str


@dataclass
class Change:
    kind: str  # "added", "removed", "changed"
    label: str
    segments: list[Segment] = field(default_factory=list)


def _label(line: str) -> str:
    match = NUMBERED.match(line)
    if match:
        return gettext("Clause %(number)s") % {"number": match.group(1)}
    words = line.split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


def _word_diff(before: str, after: str) -> list[Segment]:
    old, new = before.split(), after.split()
    segments = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            segments.append(Segment("same", " ".join(old[a1:a2])))
            continue
        if a2 > a1:
            segments.append(Segment("removed", " ".join(old[a1:a2])))
        if b2 > b1:
            segments.append(Segment("added", " ".join(new[b1:b2])))
    return segments


def compare(before: list[str], after: list[str]) -> list[Change]:
    """What changed between two versions, in reading order."""
    changes = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            continue
        removed, added = before[a1:a2], after[b1:b2]
        paired = min(len(removed), len(added)) if operation == "replace" else 0
        for old, new in zip(removed[:paired], added[:paired], strict=True):
            changes.append(Change("changed", _label(new), _word_diff(old, new)))
        for old in removed[paired:]:
            changes.append(Change("removed", _label(old), [Segment("removed", old)]))
        for new in added[paired:]:
            changes.append(Change("added", _label(new), [Segment("added", new)]))
    return changes


def published_versions(page: Page):
    """The page's publications, newest first (each with its revision and publisher)."""
    return (
        PageLogEntry.objects.filter(page=page, action=PUBLISH_ACTION, revision__isnull=False)
        .select_related("revision", "user")
        .order_by("-timestamp", "-pk")
    )


@dataclass
class Version:
    published_at: object
    published_by: str
    changes: list[Change]
    is_first: bool


def _lines_of(entry: PageLogEntry) -> list[str]:
    """The lines of a published revision, read from the revision's own content: rebuilding
    the whole page (`revision.as_object()`) costs five queries per version listed."""
    revision = entry.revision
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    body = model._meta.get_field("body").to_python(revision.content.get("body", "[]"))
    return text_lines(body)


def with_changes(entries) -> list[Version]:
    """Each publication with its changes from the one before it (one more query at most,
    for the publication before the oldest one listed)."""
    entries = list(entries)
    if not entries:
        return []
    oldest = entries[-1]
    previous = (
        PageLogEntry.objects.filter(
            page_id=oldest.page_id, action=PUBLISH_ACTION, revision__isnull=False
        )
        .filter(timestamp__lt=oldest.timestamp)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    chain = [*entries, previous] if previous else entries
    lines = [_lines_of(entry) for entry in chain]
    versions = []
    for index, entry in enumerate(entries):
        older = lines[index + 1] if index + 1 < len(lines) else None
        user = entry.user
        versions.append(
            Version(
                published_at=entry.timestamp,
                published_by=(user.get_full_name() or user.get_username()) if user else "",
                changes=compare(older, lines[index]) if older is not None else [],
                is_first=older is None,
            )
        )
    return versions
