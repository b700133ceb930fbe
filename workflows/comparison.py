"""Side by side, paragraph by paragraph (3.3): what the parties compare before approving.

A translation is shown beside its original; a new version of a public page beside the
public version. Each row is one field, or one block of a body, as plain text.
"""

from dataclasses import dataclass
from itertools import zip_longest

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

TEXT_FIELDS = (models.CharField, models.TextField, RichTextField, StreamField)
SKIPPED = {"slug", "url_path", "draft_title", "seo_title", "search_description", "path"}


@dataclass(frozen=True)
class Comparison:
    left_label: str
    right_label: str
    rows: list[tuple[str, str, str]]  # (what, left, right)
    left_lang: str = ""
    right_lang: str = ""


def paragraphs(page: Page) -> list[tuple[str, str]]:
    """(label, plain text) for the title, each text field and each block of each body."""
    rows = [(str(Page._meta.get_field("title").verbose_name), page.title)]
    for field in type(page)._meta.get_fields():
        if field.model is Page or not isinstance(field, TEXT_FIELDS) or field.name in SKIPPED:
            continue
        label = str(field.verbose_name)
        value = getattr(page, field.name)
        if isinstance(field, StreamField):
            for number, block in enumerate(value, start=1):
                text = " ".join(strip_tags(str(block.render())).split())
                rows.append((f"{label} {number}", text))
        elif value:
            rows.append((label, " ".join(strip_tags(str(value)).split())))
    return rows


def _pair(left: Page, right: Page, left_label: str, right_label: str) -> Comparison:
    pairs = zip_longest(paragraphs(left), paragraphs(right), fillvalue=("", ""))
    return Comparison(
        left_label,
        right_label,
        [(b[0] or a[0], a[1], b[1]) for a, b in pairs],
        left_lang=left.locale.language_code,
        right_lang=right.locale.language_code,
    )


def comparison_for(page: Page, reviewed: Page) -> Comparison | None:
    """The translation's original beside it, or the public version beside the new one."""
    source = TranslationSource.objects.filter(object_id=page.translation_key).first()
    if source is not None and source.locale_id != page.locale_id:
        original = source.get_source_instance()
        if original is not None:
            return _pair(
                original.specific,
                reviewed,
                gettext("Original (%(language)s)")
                % {"language": original.locale.get_display_name()},
                gettext("Translation (%(language)s)")
                % {"language": page.locale.get_display_name()},
            )
    if page.live and page.live_revision_id:
        return _pair(
            page.live_revision.as_object(),
            reviewed,
            gettext("Public version"),
            gettext("Version under review"),
        )
    return None
