from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from network_pages.community.comments.mixin import CommentablePageMixin
from network_pages.information import limits
from network_pages.information.blocks import InformationItemStreamBlock
from network_pages.models import MemberState


class InformationItemTag(TaggedItemBase):
    """A theme of an information item."""

    content_object = ParentalKey(
        "information.InformationItemPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class InformationItemAttachment(Orderable):
    """A document of an information item, in the network's restricted collection."""

    page = ParentalKey(
        "information.InformationItemPage", on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class InformationItemPage(CommentablePageMixin, Page):
    """Information a member state shares with its counterparts (4.7), or DMR news (2.1.b).

    A Focal Point submits it through the site; the DMR reviews and publishes it. The
    submitting state is shown as responsible for its content (4.7). When the state proposed
    to disseminate it and the DMR accepts (`disseminate`), every member is emailed a link.
    """

    class Kind(models.TextChoices):
        MEMBER_INFORMATION = "member_information", _("Information from a member state")
        DMR_NEWS = "dmr_news", _("Council of Europe activities and intergovernmental committees")

    item_type = models.CharField(
        _("type"), max_length=20, choices=Kind.choices, default=Kind.MEMBER_INFORMATION
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language the information is written in (4.6): it is shown in that language "
            "to every reader."
        ),
    )
    summary = models.TextField(_("summary"), max_length=limits.SUMMARY_MAX_LENGTH)
    body = StreamField(InformationItemStreamBlock(), blank=True, verbose_name=_("body"))
    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitting member state"),
        help_text=_("Responsible for the content of the information (4.7)."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    good_practice = models.BooleanField(
        _("good practice"), default=False, help_text=_("An exchange of good practice (2.1.d).")
    )
    dissemination_proposed = models.BooleanField(
        _("proposed for dissemination"),
        default=False,
        help_text=_("The submitting state proposes to disseminate it to all members (4.7)."),
    )
    disseminate = models.BooleanField(
        _("disseminate to all members"),
        default=False,
        help_text=_(
            "Ticked by the DMR: once published, every member receives an email with the "
            "title and a link (sent once)."
        ),
    )
    tags = ClusterTaggableManager(through=InformationItemTag, blank=True, verbose_name=_("themes"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("item_type"), FieldPanel("language")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
        FieldPanel("tags"),
        FieldPanel("good_practice"),
        MultiFieldPanel(
            [
                FieldPanel("member_state"),
                FieldPanel("submitted_by"),
                FieldPanel("dissemination_proposed"),
                FieldPanel("disseminate"),
            ],
            heading=_("Submission and dissemination"),
        ),
    ]
    parent_page_types = ["information.InformationItemIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("information item")
        verbose_name_plural = _("information items")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.item_type == self.Kind.MEMBER_INFORMATION and self.member_state_id is None:
            errors["member_state"] = _(
                "Information from a member state names the state responsible for it (4.7)."
            )
        if self.item_type == self.Kind.DMR_NEWS and self.member_state_id is not None:
            errors["member_state"] = _("News from the DMR has no submitting member state.")
        if (
            self.disseminate
            and self.item_type == self.Kind.MEMBER_INFORMATION
            and not self.dissemination_proposed
        ):
            errors["disseminate"] = _(
                "Only information that its state proposed for dissemination can be "
                "disseminated (4.7)."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def should_disseminate(self) -> bool:
        """Proposed by the state and accepted by the DMR, or DMR news the DMR sends out."""
        if not self.disseminate:
            return False
        return self.item_type == self.Kind.DMR_NEWS or self.dissemination_proposed

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An alias (/fr/reseau/...) shows its source's data: tags and attachments live there.
        # The source is read with the state it names, which the page shows. (The page itself
        # is what it shows otherwise: a preview shows the draft.)
        item = (
            InformationItemPage.objects.select_related("member_state").get(pk=self.alias_of_id)
            if self.alias_of_id
            else self
        )
        context["item"] = item
        context["themes"] = list(item.tags.all())
        context["item_attachments"] = list(item.attachments.select_related("document"))
        return context
