"""StreamField blocks of the working methods page (4.10): sections, numbered clauses, text."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SectionBlock(blocks.StructBlock):
    """A numbered part of the working methods, such as "4. Working methods"."""

    number = blocks.CharBlock(label=_("number"), max_length=10, required=False)
    title = blocks.CharBlock(label=_("title"), max_length=200)

    class Meta:
        icon = "title"
        label = _("Section")
        template = "community/blocks/section.html"


class ClauseBlock(blocks.StructBlock):
    """A numbered clause ("4.8."), the unit that members discuss and the DMR revises."""

    number = blocks.CharBlock(
        label=_("number"), max_length=10, help_text=_("For example 4.8 (no final dot).")
    )
    text = blocks.TextBlock(label=_("text"))

    class Meta:
        icon = "list-ol"
        label = _("Clause")
        template = "community/blocks/clause.html"


class WorkingMethodsStreamBlock(blocks.StreamBlock):
    paragraph = blocks.TextBlock(
        label=_("Paragraph"), icon="pilcrow", template="community/blocks/paragraph.html"
    )
    section = SectionBlock()
    clause = ClauseBlock()
