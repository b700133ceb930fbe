from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class InformationItemStreamBlock(blocks.StreamBlock):
    """The body of an information item: text, headings and quotations."""

    heading = blocks.CharBlock(
        max_length=120, form_classname="title", label=_("Heading"), icon="title"
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], label=_("Paragraph")
    )
    quote = blocks.BlockQuoteBlock(label=_("Quote"))
