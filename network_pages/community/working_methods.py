"""The history of the working methods (4.10): each published version and what it changed.

A version's text is its blocks in reading order, one line per block ("4.8. If considered
necessary..."). Consecutive published versions are compared line by line, and a changed
line word by word, so that members read "4.8 changed: ... [removed] ... [added]".

The working methods exist in English and in French (issue 15): the history lists the
publications of both texts together, each compared with the one before it in its own
language, and says which translation has not yet followed the English text's latest
revision.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils.translation import gettext
from wagtail.models import PageLogEntry

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


def published_versions(pages):
    """The publications of the pages (the text in each language), newest first, each with
    its revision, publisher and page's language."""
    return (
        PageLogEntry.objects.filter(page__in=pages, action=PUBLISH_ACTION, revision__isnull=False)
        .select_related("revision", "user", "page__locale")
        .order_by("-timestamp", "-pk")
    )


@dataclass
class Version:
    published_at: object
    published_by: str
    changes: list[Change]
    is_first: bool
    language: str = ""


@dataclass(frozen=True)
class Pending:
    """A translation not published since the English text's latest revision."""

    language: str
    since: object  # when the English text's latest revision was published


def pending_languages(pages) -> list[Pending]:
    """The translations behind the English text (one query): the working methods are
    written in English and translated, so a language is pending when the English was
    published after its own latest publication."""
    latest = dict(
        PageLogEntry.objects.filter(page__in=pages, action=PUBLISH_ACTION, revision__isnull=False)
        .values("page__locale__language_code")
        .annotate(latest=Max("timestamp"))
        .values_list("page__locale__language_code", "latest")
    )
    source = latest.pop(settings.LANGUAGE_CODE, None)
    if source is None:
        return []
    return [
        Pending(language, source)
        for language, timestamp in sorted(latest.items())
        if timestamp < source
    ]


def _lines_of(entry: PageLogEntry) -> list[str]:
    """The lines of a published revision, read from the revision's own content: rebuilding
    the whole page (`revision.as_object()`) costs five queries per version listed."""
    revision = entry.revision
    model = ContentType.objects.get_for_id(revision.content_type_id).model_class()
    body = model._meta.get_field("body").to_python(revision.content.get("body", "[]"))
    return text_lines(body)


def _previous(entry: PageLogEntry) -> PageLogEntry | None:
    return (
        PageLogEntry.objects.filter(
            page_id=entry.page_id, action=PUBLISH_ACTION, revision__isnull=False
        )
        .filter(timestamp__lt=entry.timestamp)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )


def with_changes(entries) -> list[Version]:
    """Each publication with its changes from the one before it in the same language (one
    more query per language at most, for the publication before the oldest one listed)."""
    entries = list(entries)
    by_page: dict[int, list[PageLogEntry]] = {}
    for entry in entries:
        by_page.setdefault(entry.page_id, []).append(entry)
    older_lines: dict[int, list[str] | None] = {}
    for page_entries in by_page.values():
        previous = _previous(page_entries[-1])
        chain = [*page_entries, previous] if previous else page_entries
        lines = [_lines_of(entry) for entry in chain]
        for index, entry in enumerate(page_entries):
            older_lines[entry.pk] = lines[index + 1] if index + 1 < len(lines) else None
            entry.lines = lines[index]
    versions = []
    for entry in entries:
        older = older_lines[entry.pk]
        user = entry.user
        versions.append(
            Version(
                published_at=entry.timestamp,
                published_by=(user.get_full_name() or user.get_username()) if user else "",
                changes=compare(older, entry.lines) if older is not None else [],
                is_first=older is None,
                language=entry.page.locale.language_code,
            )
        )
    return versions
