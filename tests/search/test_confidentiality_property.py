"""Search confidentiality as a property: random responses, comments and documents owned by
random states and people, on pages with different restrictions, searched by random readers.

Every result, and every count, is something the reader may read by the rules of the thing
itself (`access.user_may_view_page` for its page, `information.rules.may_read` for a
response, a comment shown on its page, `access.document_verdict_for_user` for a document:
may they download it?, while it is attached to something); everything they may read that
matches is found.
"""

import pytest
from django.core.files.base import ContentFile
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model

from network_pages import access, attachments, roles
from network_pages.community import thematic_groups
from network_pages.community.comments.audience import may_read_comments
from network_pages.community.factories import make_comment
from network_pages.community.models import MemberComment, UpdateDocument
from network_pages.factories import make_member
from network_pages.information import rules
from network_pages.information.factories import make_request, make_response
from network_pages.information.models import (
    InformationItemAttachment,
    InformationItemPage,
    Response,
    ResponseAttachment,
)
from network_pages.meetings.models import MeetingDocument, MeetingPage
from network_pages.network_area import ensure_network_collection
from network_pages.search import query
from network_pages.search.models import SearchEntry
from tests.fuzz.isolation import fresh_example

pytestmark = pytest.mark.django_db

WORD = "zebrafish"
STATES = ("FR", "DE", "IT", "ES")


@pytest.fixture
def world(library, areas, focal_point, other_focal_point, dmr_user, guest, outsider):
    """The library's pages (a meeting open to a guest, a members-only workspace...), a
    second request, and people of every kind."""
    first = make_request(areas["requests"], title="First request", questions=("How?",))
    second = make_request(areas["requests"], title="Second request", questions=("Why?",))
    italian = make_member("fp_it", groups=(roles.FOCAL_POINTS,), state="IT")
    pages = [
        first,
        second,
        library["item"],
        library["meeting"],
        library["other_meeting"],
        library["group"],
        library["update"],
        library["open_group"],
    ]
    readers = [focal_point, other_focal_point, italian, dmr_user, guest, outsider]
    return {"pages": pages, "requests": [first, second], "readers": readers}


def verified(user):
    user.is_verified = lambda: True
    return user


def search_everything(reader) -> tuple[set[tuple[str, int]], int, dict]:
    request = RequestFactory().get("/en/network/search/")
    request.user = reader
    found, page_number, outcome = set(), 1, None
    while True:
        outcome_page = query.search(request, WORD, {}, page_number, "en")
        outcome = outcome or outcome_page
        found |= {(hit.entry.kind, hit.entry.source_id) for hit in outcome_page.hits}
        if not outcome_page.page.has_next():
            return found, outcome.total, outcome.kind_counts
        page_number += 1


def expected_for(
    reader, responses: list[Response], comments: list[MemberComment], documents: list
) -> set:
    if not access.is_verified(reader):
        return set()
    expected = set()
    for document in documents:
        document = type(document).objects.filter(pk=document.pk).first()  # it may be gone
        # Attached to nothing, a document leaves the network's search (the DMR keeps it).
        in_the_network = document is not None and attachments.attached({document.pk})
        may_download = in_the_network and (
            access.document_verdict_for_user(reader, document, verified=True)
            is access.Verdict.ALLOW
        )
        if may_download:
            expected.add((SearchEntry.Kind.DOCUMENT, document.pk))
    for response in responses:
        if access.user_may_view_page(reader, response.request) and rules.may_read(reader, response):
            expected.add((SearchEntry.Kind.RESPONSE, response.pk))
    for comment in comments:
        shown = not comment.is_hidden and not comment.is_deleted
        page = comment.page
        if shown and access.user_may_view_page(reader, page) and may_read_comments(reader, page):
            expected.add((SearchEntry.Kind.COMMENT, comment.pk))
    return expected


def attach(owner, document):
    """The row that attaches `document` to `owner`, as each app keeps it."""
    if isinstance(owner, Response):
        return ResponseAttachment.objects.create(response=owner, document=document)
    if isinstance(owner, MeetingPage):
        return MeetingDocument.objects.create(meeting=owner, document=document)
    if isinstance(owner, InformationItemPage):
        return InformationItemAttachment.objects.create(page=owner, document=document)
    return UpdateDocument.objects.create(update=owner, document=document)


def attach_documents(library, responses: list[Response], drawn) -> tuple[list, list]:
    """Documents saying the word, attached to one or two owners among the responses drawn,
    an item, two meetings (one open to a guest) and a members-only workspace's update;
    some detached again. Returns (the documents, the links to remove)."""
    owners = [
        *responses,
        library["item"],
        library["meeting"],
        library["other_meeting"],
        library["update"],
    ]
    meeting_collection = library["meeting"].access.documents_collection
    documents, to_detach = [], []
    for number, (first, second, own_collection, detached) in enumerate(drawn):
        collection = meeting_collection if own_collection else ensure_network_collection()
        document = get_document_model()(title=f"Paper {number}", collection=collection)
        document.file.save("paper.txt", ContentFile(f"{WORD} paper".encode()), save=False)
        document.save()
        links = [attach(owners[first % len(owners)], document)]
        if second is not None and second % len(owners) != first % len(owners):
            links.append(attach(owners[second % len(owners)], document))
        documents.append(document)
        if detached:
            to_detach.append(links[0])
    return documents, to_detach


responses_strategy = st.lists(
    st.tuples(st.integers(0, 1), st.sampled_from(STATES), st.booleans()),
    max_size=6,
    unique_by=lambda drawn: drawn[:2],
)
# (first owner, second owner or None, in the meeting's own collection, detached afterwards)
documents_strategy = st.lists(
    st.tuples(st.integers(0, 9), st.none() | st.integers(0, 9), st.booleans(), st.booleans()),
    max_size=4,
)
comments_strategy = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 3), st.sampled_from(["shown", "hidden", "gone"])),
    max_size=6,
)


@settings(
    derandomize=True,
    deadline=None,
    max_examples=25,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    responses=responses_strategy,
    comments=comments_strategy,
    documents=documents_strategy,
    reader_index=st.integers(0, 5),
    joins_private_group=st.booleans(),
)
def test_every_result_is_readable_and_every_readable_match_is_found(
    world,
    library,
    django_capture_on_commit_callbacks,
    responses,
    comments,
    documents,
    reader_index,
    joins_private_group,
):
    with fresh_example():
        reader = world["readers"][reader_index]
        with django_capture_on_commit_callbacks(execute=True):
            if joins_private_group and access.is_member(reader):
                thematic_groups.join(reader, world["pages"][5])
            made_responses = [
                make_response(
                    world["requests"][request_index],
                    state,
                    [f"{WORD} from {state}"],
                    status=Response.Status.SUBMITTED if submitted else Response.Status.DRAFT,
                )
                for request_index, state, submitted in responses
            ]
            made_comments = []
            for page_index, author_index, fate in comments:
                author = world["readers"][author_index]
                comment = make_comment(world["pages"][page_index], author, f"{WORD} said")
                if fate == "hidden":
                    comment.hidden_at = comment.created_at
                    comment.hidden_reason = "Personal data."
                    comment.save()
                elif fate == "gone":
                    comment.deleted_at = comment.created_at
                    comment.save()
                made_comments.append(comment)
            made_documents = attach_documents(library, made_responses, documents)
        with django_capture_on_commit_callbacks(execute=True):
            for link in made_documents[1]:
                link.delete()
        # The reader as a request would carry them: groups read afresh, second factor passed.
        reader = verified(type(reader).objects.get(pk=reader.pk))

        found, total, kind_counts = search_everything(reader)
        expected = expected_for(reader, made_responses, made_comments, made_documents[0])

        assert found == expected
        assert total == len(expected)
        assert sum(kind_counts.values()) == total
