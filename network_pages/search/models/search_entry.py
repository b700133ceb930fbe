from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string
from wagtail.search import index

from network_pages.information import language_check


class SearchEntry(index.Indexed, models.Model):
    """One searchable thing of the network area, as text, with what decides who reads it.

    The entry never says who may read it: it names the page it lives on, and the page's view
    restrictions are read again by the one access rule at every search
    (`network_pages.search.readers`). `audience` only narrows that further, as the rules of
    the thing itself do (a draft response is for its own state and the DMR, 4.6).

    Entries are rebuilt from their source by a task after every change
    (`network_pages.search.indexing`); Wagtail's search backend then indexes the entry.
    """

    class Kind(models.TextChoices):
        REQUEST = "request", _("Information request")
        QUESTION = "question", _("Question")
        RESPONSE = "response", _("Response")
        ITEM = "item", _("Information item")
        MEETING = "meeting", _("Meeting")
        THEMATIC_GROUP = "thematic_group", _("Thematic group")
        WORKSPACE_UPDATE = "workspace_update", _("Workspace update")
        COMMENT = "comment", _("Comment")
        DOCUMENT = "document", _("Document")

    class Audience(models.TextChoices):
        PAGE_READERS = "page", _("Everyone who may read the page")
        MEMBERS = "members", _("Members of the network who may read the page")
        STATE_AND_DMR = "state", _("The member state's Focal Points and the DMR")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    source_id = models.PositiveBigIntegerField(_("source"))
    # Where the entry is read. A document's entry names the page it is attached to, if it
    # is attached to a page; who may read the document is its own rule (`readers`).
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("page"),
    )
    # A document's entry goes with the document.
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.PAGE_READERS
    )
    member_state = models.ForeignKey(
        "network_pages.MemberState",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("member state"),
    )
    language = models.CharField(_("language"), max_length=2, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    # Appended to the page's URL: a route ("responses/FR/") and/or a fragment ("#comment-3").
    anchor = models.CharField(max_length=200, blank=True)
    # A document shown on a page of its own that is not a Wagtail page (a library entry):
    # the URL name and the pk it takes, reversed in the reader's language. It wins over the
    # page's URL; `page` still says which meeting or group the document belongs to.
    view_name = models.CharField(max_length=100, blank=True)
    view_pk = models.PositiveBigIntegerField(null=True, blank=True)
    # What the text was read from (a document's file hash): unchanged, it is not read again.
    content_key = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("page"),
        index.FilterField("document"),
        index.FilterField("audience"),
        index.FilterField("member_state"),
        index.FilterField("language"),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "source_id"], name="one_entry_per_source")
        ]

    def __str__(self) -> str:
        return self.title

    def text_search_language(self) -> str:
        """The language the search stems this entry's words in (`nfp_site.search_backend`):
        the one it is written in, or, when nobody said, the one its text reads as."""
        if self.language:
            return self.language
        return language_check.detected_language(f"{self.title}. {self.body[:3000]}") or ""
