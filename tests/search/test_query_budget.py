"""The members' search costs the same number of queries for one result or a full page."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from network_pages.community.factories import make_comment
from network_pages.information.factories import make_item
from network_pages.information.models import InformationItemAttachment, Response, ResponseAttachment
from network_pages.meetings.models import MeetingDocument, MeetingPage
from network_pages.models import MemberState
from network_pages.network_area import ensure_network_collection
from tests.conftest import sign_in

from .conftest import body_of, count_queries, search_url

pytestmark = pytest.mark.django_db

# A site page's budget: the session (4), the readable pages and their restrictions, read
# once for the request (3: none once kept for the reader, search.rule_cache), the comment
# audiences (kept too), the results, the counts per kind (which are the total too), the
# member states of the filters.
BUDGET = 15
# With documents of every kind of owner, the owner rule adds the indexed documents and
# their collections' restrictions (2) and one query per kind of owner (responses, items,
# meetings and their minutes, workspace updates, library entries: 6, their pages'
# restrictions already read with the readable pages). Work left for the owner rule's
# batching (`access.readable_by_owners`, issue 17): never a licence to grow.
DOCUMENTS_BUDGET = 20


def test_the_search_page_stays_within_a_site_pages_budget_for_1_or_31_results(
    client,
    library,
    focal_point,
    other_focal_point,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    sign_in(client, focal_point)
    url = search_url(q="walrus")
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(library["item"], other_focal_point, "A walrus.")
    client.get(url)  # the per-process caches (locales, sections, restricted roots) fill once
    one = count_queries(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        for number in range(30):
            page = library["meeting"] if number % 2 else library["request"]
            make_comment(page, other_focal_point, f"Walrus number {number}.")
    # The new entries decide the reader's rule again once (search.rule_cache), within the
    # budget; `one` was measured after a first search too.
    with django_assert_max_num_queries(BUDGET):
        count_queries(client, url)
    many = count_queries(client, url)

    assert many == one
    assert one <= BUDGET
    # In French too (the hits' French addresses are one more query, within the budget).
    french = search_url("fr", q="walrus")
    client.get(french)
    with django_assert_max_num_queries(BUDGET):
        count_queries(client, french)


def attach(owner, text: str) -> None:
    """A TXT document saying `text`, attached to `owner` (a meeting, an item, a response)."""
    document = get_document_model()(title=text, collection=ensure_network_collection())
    document.file.save("note.txt", ContentFile(text.encode()), save=False)
    document.save()
    if isinstance(owner, Response):
        ResponseAttachment.objects.create(response=owner, document=document)
    elif isinstance(owner, MeetingPage):
        MeetingDocument.objects.create(meeting=owner, document=document)
    else:
        InformationItemAttachment.objects.create(page=owner, document=document)


def test_the_query_count_is_the_same_for_5_and_200_results_with_documents_of_many_owners(
    client, library, areas, focal_point, other_focal_point, django_capture_on_commit_callbacks
):
    """The owner rule of documents is asked once per kind of owner, not once per owner. It
    is asked only about the documents that match, so a kind of owner none of them has costs
    nothing: both searches find documents of the same kinds of owners (a meeting, an item,
    a response), in 5 and in 200 results."""
    sign_in(client, focal_point)
    url = search_url(q="walrus")
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(2):
            make_comment(library["item"], other_focal_point, f"Walrus {number}.")
        attach(library["meeting"], "Walrus agenda")
        attach(library["item"], "Walrus annex")
        submitted = Response.objects.get(request=library["request"], member_state__code="DE")
        attach(submitted, "Walrus annex of a submitted answer")
    client.get(url)
    few = count_queries(client, url)
    assert "5 results" in body_of(client.get(url))

    with django_capture_on_commit_callbacks(execute=True):
        state = MemberState.objects.get(code="DE")
        for number in range(8):
            item = make_item(areas["items"], title=f"Item {number}", member_state=state)
            attach(item, f"Walrus item {number}")
        responses = Response.objects.filter(request=library["request"])
        attach(responses.get(member_state__code="FR"), "Walrus draft annex")
        attach(responses.get(member_state__code="IT"), "Walrus draft of another state")
        attach(library["other_meeting"], "Walrus plenary paper")
        for number in range(185):
            make_comment(library["meeting"], other_focal_point, f"Walrus number {number}.")
    # Measured as `few` was, after a first search: the new documents decide the reader's
    # documents again once (search.document_cache), whatever their number.
    client.get(url)
    many = count_queries(client, url)

    assert "200 results" in body_of(client.get(url))
    assert many == few
    assert few <= DOCUMENTS_BUDGET
