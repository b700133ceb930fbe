"""Meeting documents stay in members-only collections (3.1, 1.2).

Each meeting has a collection of its own under the network's (see `participants`), closed
to everyone but the members and that meeting's guests. A document may also come from the
network collection itself, which guests never see.
"""

import html
from collections.abc import Iterable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString
from wagtail.documents import get_document_model
from wagtail.models import Collection

from network_pages import access
from network_pages.network_area import NETWORK_COLLECTION
from nfp_site import fragments


def network_collection() -> Collection | None:
    return Collection.objects.filter(name=NETWORK_COLLECTION, depth=2).first()


def is_members_only_collection(collection: Collection) -> bool:
    """The network collection or a collection inside it: never public."""
    root = network_collection()
    return root is not None and collection.path.startswith(root.path)


@dataclass(frozen=True, slots=True)
class ListedDocument:
    """A meeting document as the meeting page reads it (`page_context`): what the access
    rule decides on (the document and its collection) and what its list item is written
    from, read as a row, not made into three model instances (~25 µs each: a meeting lists
    ~40 documents, issue 17)."""

    document_id: int
    collection: Collection  # its id and path, all `readable_documents` reads of it
    file_name: str
    display_title: str

    @classmethod
    def of(cls, item) -> "ListedDocument":
        """From a `MeetingDocument` (a preview's, as modelcluster keeps them)."""
        document = item.document
        return cls(document.pk, document.collection, document.file.name, item.display_title)


def readable_documents(request: HttpRequest, meeting_documents: Iterable[ListedDocument]) -> list:
    """The meeting documents this reader may open, by the one access rule.

    The collection rule runs once per collection (a meeting's documents share one or two),
    on restrictions read in one query for all of them; the owner rule once for all the
    documents.
    """
    meeting_documents = list(meeting_documents)
    collections = {item.collection.pk: item.collection for item in meeting_documents}
    restrictions = access.restrictions_by_collection(collections.values())
    verdicts = {
        pk: access.verdict(request, restrictions[pk]) is access.Verdict.ALLOW for pk in collections
    }
    restricted_ids = {pk for pk in collections if restrictions[pk]}
    candidates = [item for item in meeting_documents if verdicts[item.collection.pk]]
    owned = {item.document_id for item in candidates if item.collection.pk in restricted_ids}
    # The models import this module: the owner rule is imported when asked.
    from network_pages.meetings.document_owners import listed_owners

    # Listed on this meeting: the meetings that list them are read first, with the probe of
    # the documents' other owners in the same query.
    readable = access.readable_by_owners(request.user, owned, listed_by=listed_owners)
    return [
        item
        for item in candidates
        if item.collection.pk not in restricted_ids or item.document_id in readable
    ]


def rows_html(meeting_documents: Iterable[ListedDocument]) -> SafeString:
    """The documents' list items, as meeting_page.html wrote them in a loop: the same
    markup, written in Python (a meeting lists ~40 documents, four lookups each through the
    template engine). Every value is plain text, escaped as the template escaped it
    (Django's `escape` is the standard library's `html.escape`, quotes included).

    Each item is kept for the process (`fragments.kept_row`) under what it is written from:
    the document's id and file name (its address, a URL reversal, and its extension, under
    this script prefix and URLconf) and the title shown (issue 17)."""
    prefix, urlconf = get_script_prefix(), get_urlconf()
    return SafeString(
        "".join(
            fragments.kept_row(
                (
                    "meetings.document_row",
                    prefix,
                    urlconf,
                    item.document_id,
                    item.file_name,
                    item.display_title,
                ),
                lambda item=item: _row(item),
            )
            for item in meeting_documents
        )
    )


def _row(item: ListedDocument) -> str:
    # The document's address and extension as Wagtail writes them, from its id and file
    # name alone (`AbstractDocument.url`, `.file_extension`).
    document = get_document_model()(id=item.document_id, file=item.file_name)
    return (
        f'<li><a href="{html.escape(document.url)}">'
        f"{html.escape(item.display_title)}</a>"
        f" ({html.escape(document.file_extension.upper())})</li>"
    )
