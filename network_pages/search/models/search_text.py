from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string

from .search_entry import SearchEntry


class SearchText(models.Model):
    """On PostgreSQL, one row per indexed search entry: the entry's columns that the access
    rule and the filters read, beside the text vectors Wagtail's backend indexed for it
    (issue 17: the members' search at network size).

    It is the join the search made at every query (the entry and its row of
    `wagtailsearch_indexentry`, a generic relation keyed by the entry's id as text), written
    down by the database itself: triggers on both tables keep it equal to that join on
    every insert, update and delete, whatever writes them (migrations 0006 and 0007). The
    search then reads one narrow table with integer keys, its GIN index on the
    text (`title || body`), and no cast. Nothing here decides access: the rule is applied to
    these columns at every search (`readers.readable_condition`), as it was to the entry's.

    Other databases have no such table (`managed = False`): the search there goes through
    Wagtail's backend on the entries themselves.
    """

    entry = models.OneToOneField(
        SearchEntry,
        primary_key=True,
        # The database removes the row with its entry (a trigger): Django leaves it be.
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SearchEntry.Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    audience = models.CharField(max_length=10, choices=SearchEntry.Audience.choices)
    member_state = models.ForeignKey(
        "network_pages.MemberState",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    language = models.CharField(max_length=2)
    date = models.DateField(null=True)
    # Wagtail's index entry's vectors and title norm, as its backend ranks them. Their
    # concatenation, which its search matches, is not stored: the GIN index is on the
    # expression `network_search_text(title, body)`, `title || body` at its cost (migrations
    # 0007 and 0008), which the search matches (`ranked.MATCHED`).
    title = SearchVectorField()
    body = SearchVectorField()
    title_norm = models.FloatField()

    class Meta:
        managed = False
        db_table = "network_search_searchtext"
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")

    def __str__(self) -> str:
        return f"{self.kind} #{self.entry_id}"
