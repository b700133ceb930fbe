"""Meeting documents stay in members-only collections (3.1, 1.2).

Each meeting has a collection of its own under the network's (see `participants`), closed
to everyone but the members and that meeting's guests. A document may also come from the
network collection itself, which guests never see.
"""

import html
from collections.abc import Iterable

from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString
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


def readable_documents(request: HttpRequest, meeting_documents: Iterable) -> list:
    """The meeting documents this reader may open, by the one access rule.

    The collection rule runs once per collection (a meeting's documents share one or two),
    on restrictions read in one query for all of them; the owner rule once for all the
    documents.
    """
    meeting_documents = list(meeting_documents)
    collections = {
        item.document.collection.pk: item.document.collection for item in meeting_documents
    }
    restrictions = access.restrictions_by_collection(collections.values())
    verdicts = {
        pk: access.verdict(request, restrictions[pk]) is access.Verdict.ALLOW for pk in collections
    }
    restricted_ids = {pk for pk in collections if restrictions[pk]}
    candidates = [item for item in meeting_documents if verdicts[item.document.collection_id]]
    owned = {
        item.document_id for item in candidates if item.document.collection_id in restricted_ids
    }
    # The models import this module: the owner rule is imported when asked.
    from network_pages.meetings.document_owners import listed_owners

    # Listed on this meeting: the meetings that list them are read first, with the probe of
    # the documents' other owners in the same query.
    readable = access.readable_by_owners(request.user, owned, listed_by=listed_owners)
    return [
        item
        for item in candidates
        if item.document.collection_id not in restricted_ids or item.document_id in readable
    ]


def rows_html(meeting_documents: Iterable) -> SafeString:
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
                    item.document.pk,
                    item.document.file.name,
                    item.display_title,
                ),
                lambda item=item: _row(item),
            )
            for item in meeting_documents
        )
    )


def _row(item) -> str:
    return (
        f'<li><a href="{html.escape(item.document.url)}">'
        f"{html.escape(item.display_title)}</a>"
        f" ({html.escape(item.document.file_extension.upper())})</li>"
    )
