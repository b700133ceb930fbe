from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class BaseStreamBlock(blocks.StreamBlock):
    """The body blocks every public page shares."""

    heading = blocks.CharBlock(
        max_length=120, form_classname="title", label=_("Heading"), icon="title"
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], label=_("Paragraph")
    )
    quote = blocks.BlockQuoteBlock(label=_("Quote"))
