"""Does a text look like the official language it is declared in (4.6)?

An offline detector (lingua, its language models ship inside the package) reads the text.
Its answer is a warning for the author, never a refusal: names, acronyms and quotations
in another language are common in the network's texts.

Memory: lingua's high-accuracy models of these ten languages take ~250 MB in every web and
worker process that ran a check (262 MB RSS measured, from 12 MB). Its low-accuracy mode
reads trigrams only: 31 MB for the same ten languages. It is as reliable on sentences,
less sure on a few words: below `CONFIDENT` it gives no verdict, and nobody is warned.
The models are loaded all at once on the first check, once per process: lazily loaded
models made a process grow check after check.
"""

import functools
import re
from collections.abc import Iterable

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from . import limits

# The official languages, and the languages a Focal Point is likely to write by mistake.
CANDIDATES = (
    Language.ENGLISH,
    Language.FRENCH,
    Language.GERMAN,
    Language.ITALIAN,
    Language.SPANISH,
    Language.PORTUGUESE,
    Language.DUTCH,
    Language.POLISH,
    Language.RUSSIAN,
    Language.TURKISH,
)
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Below this confidence the detector is guessing (short texts in low-accuracy mode: "A
# multidisciplinary team." reads as Portuguese at 0.34): no answer, no warning.
CONFIDENT = 0.75


@functools.cache
def _detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*CANDIDATES)
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )


def detected_language(text: str) -> str | None:
    """The ISO 639-1 code the text looks written in, or None when it is too short to tell."""
    if len(LETTER.findall(text)) < limits.LANGUAGE_CHECK_MIN_LETTERS:
        return None
    likeliest = _detector().compute_language_confidence_values(text)[0]
    if likeliest.value < CONFIDENT:
        return None
    return likeliest.language.iso_code_639_1.name.lower()


def looks_like(text: str, language_code: str) -> bool:
    """False only when the text is long enough and reads as another language."""
    detected = detected_language(text)
    return detected is None or detected == language_code


def mismatches(texts: Iterable[tuple[str, str]], language_code: str) -> list[str]:
    """The labels of the `(label, text)` pairs that do not look like `language_code`."""
    return [label for label, text in texts if text and not looks_like(text, language_code)]
