"""Linked language versions: the files of one entry grouped by language, the reader's own
language first, then the network's other official language, then any other."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Language, LibraryVersion

OFFICIAL_ORDER = (Language.EN, Language.FR, Language.OTHER)
# The codes, read once (`Language.values` builds its list at every call; a list of entries
# asks twice per entry).
CODES = tuple(Language.values)


@dataclass
class LanguageVersions:
    """One language of an entry: its current version (the latest) and the earlier ones."""

    language: str
    label: str
    versions: list[LibraryVersion] = field(default_factory=list)

    @property
    def current(self) -> LibraryVersion:
        return self.versions[0]

    @property
    def history(self) -> list[LibraryVersion]:
        return self.versions[1:]


def language_order(reader_language: str | None) -> list[str]:
    reader = (reader_language or "")[:2]
    first = [reader] if reader in CODES else []
    return first + [code for code in OFFICIAL_ORDER if code not in first]


def language_labels() -> dict[str, str]:
    """{language code: its name in the current language}."""
    return {code: str(label) for code, label in Language.choices}


def grouped_by_language(
    versions: Iterable[LibraryVersion],
    reader_language: str | None,
    labels: dict[str, str] | None = None,
    *,
    newest_first: bool = False,
) -> list[LanguageVersions]:
    """`versions` grouped by language, newest first in each, the languages in the reader's
    order (`language_order`); a language without any file is left out. A list of entries
    passes the `language_labels()` it read once, and its versions already `newest_first`
    (by upload time, then id: read in that order, without their times)."""
    labels = labels or language_labels()
    groups = {code: LanguageVersions(code, labels[code]) for code in CODES}
    if not newest_first:
        versions = sorted(versions, key=lambda v: (v.uploaded_at, v.pk), reverse=True)
    for version in versions:
        groups[version.language].versions.append(version)
    return [groups[code] for code in language_order(reader_language) if groups[code].versions]
