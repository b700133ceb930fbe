"""3.1: every route of requests, responses and items is for verified members only.

Each route is requested by each kind of visitor the network refuses; the refusal carries
none of the confidential text and changes nothing. Guests (1.2) see none of it.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from network_pages.information.factories import make_item, make_response
from network_pages.information.models import (
    InformationItemPage,
    InformationRequestPage,
    Response,
)
from network_pages.models import MemberState
from tests.conftest import sign_in

from .conftest import body_of, request_url

pytestmark = pytest.mark.django_db

SECRETS = ["Secret question", "Confidential background", "Geheime Antwort", "Secret summary"]


@pytest.fixture
def content(open_request, item_index, other_focal_point):
    page = open_request
    first = page.questions.first()
    first.text = "Secret question?"
    first.save()
    page.background = "Confidential background"
    page.save_revision().publish()
    make_response(open_request, "DE", ["Geheime Antwort"], submitted_by=other_focal_point)
    item = make_item(
        item_index,
        title="Shared practice",
        summary="Secret summary",
        member_state=MemberState.objects.get(code="DE"),
    )
    return {"request": InformationRequestPage.objects.get(pk=page.pk), "item": item}


@pytest.fixture
def routes(content):
    page = content["request"]
    return {
        "request index": ("get", "/en/network/information-requests/"),
        "request index, French": ("get", "/fr/reseau/demandes-d-information/"),
        "request": ("get", request_url(page)),
        "request, French alias": ("get", request_url(page, language="fr")),
        "submit a request": ("get", "/en/network/information-requests/submit/"),
        "submit a request, sent": ("post", "/en/network/information-requests/submit/"),
        "response form": ("get", request_url(page, "response/")),
        "response form, sent": ("post", request_url(page, "response/")),
        "a state's response": ("get", request_url(page, "responses/DE/")),
        "compilation": ("get", request_url(page, "compilation/")),
        "compilation, French": ("get", request_url(page, "compilation/", language="fr")),
        "compilation CSV": ("get", request_url(page, "compilation/csv/")),
        "compilation XLSX": ("get", request_url(page, "compilation/xlsx/")),
        "compilation XLSX, French": ("get", request_url(page, "compilation/xlsx/", language="fr")),
        "items": ("get", "/en/network/information/"),
        "items, French": ("get", "/fr/reseau/informations-et-bonnes-pratiques/"),
        "items, filtered": ("get", "/en/network/information/?state=DE&good_practice=on"),
        "item": ("get", f"/en/network/information/{content['item'].slug}/"),
        "item, French alias": (
            "get",
            f"/fr/reseau/informations-et-bonnes-pratiques/{content['item'].slug}/",
        ),
        "submit an item": ("get", "/en/network/information/submit/"),
        "submit an item, sent": ("post", "/en/network/information/submit/"),
    }


ROUTES = [
    "request index",
    "request index, French",
    "request",
    "request, French alias",
    "submit a request",
    "submit a request, sent",
    "response form",
    "response form, sent",
    "a state's response",
    "compilation",
    "compilation, French",
    "compilation CSV",
    "compilation XLSX",
    "compilation XLSX, French",
    "items",
    "items, French",
    "items, filtered",
    "item",
    "item, French alias",
    "submit an item",
    "submit an item, sent",
]
REFUSED = {
    "anonymous": (302, "/accounts/login/?next="),
    "password-only": (302, "/accounts/verify/?next="),
    "verified non-member": (403, None),
    "guest": (403, None),
}
FORM = {"title": "Hijacked", "summary": "x", "body": "x", "version": "0", "language": "en"}


def state_of_the_data():
    return (
        InformationRequestPage.objects.count(),
        InformationItemPage.objects.count(),
        list(Response.objects.values_list("pk", "version", "status")),
    )


def refusal_problems(response, kind: str) -> list[str]:
    """What is wrong with this refusal, if anything."""
    status, location = REFUSED[kind]
    problems = []
    if response.status_code != status:
        problems.append(f"status {response.status_code}")
    if location and location not in response.get("Location", ""):
        problems.append("not sent to sign in")
    body = body_of(response)
    headers = " ".join(response.headers.values())
    problems += [f"leaks {secret!r}" for secret in SECRETS if secret in body or secret in headers]
    if "private" not in response.get("Cache-Control", ""):
        problems.append("cacheable")
    return problems


@pytest.mark.parametrize("kind", list(REFUSED))
def test_refused_visitors_learn_nothing_of_requests_responses_and_items(
    client, routes, focal_point, outsider, guest, kind
):
    """Every route, one kind of refused visitor: one test, so that the suite stays fast."""
    visitor = {"password-only": focal_point, "verified non-member": outsider, "guest": guest}
    if kind != "anonymous":
        sign_in(client, visitor[kind], verified=kind != "password-only")
    before = state_of_the_data()
    problems = {}

    for route in ROUTES:
        method, url = routes[route]
        response = getattr(client, method)(url, FORM if method == "post" else None)
        if found := refusal_problems(response, kind):
            problems[route] = found

    assert problems == {}
    assert state_of_the_data() == before


def test_focal_point_opens_every_route(client, routes, focal_point):
    sign_in(client, focal_point)
    problems = {}

    for route in ROUTES:
        method, url = routes[route]
        response = getattr(client, method)(url, FORM if method == "post" else None)
        if response.status_code not in (200, 302) or "no-store" not in response["Cache-Control"]:
            problems[route] = response.status_code

    assert problems == {}


def fetch_status(client, url: str) -> tuple[int, str]:
    """Status and body of a document download, its file closed."""
    response = client.get(url)
    body = body_of(response)
    return response.status_code, body


def test_response_attachment_of_a_draft_is_refused_to_another_state(
    client, open_request, focal_point, other_focal_point
):
    sign_in(client, other_focal_point).post(
        request_url(open_request, "response/"),
        {
            "version": "0",
            "language": "en",
            "save": "1",
            "new_attachments": SimpleUploadedFile(
                "entwurf.pdf", b"%PDF-1.4 draft", "application/pdf"
            ),
        },
    )
    document = Response.objects.get().attachments.get().document
    client.logout()

    refused = fetch_status(sign_in(client, focal_point), document.url)
    client.logout()
    allowed = fetch_status(sign_in(client, other_focal_point), document.url)

    assert refused[0] == 403
    assert "%PDF-1.4 draft" not in refused[1]
    assert allowed == (200, "%PDF-1.4 draft")


def test_response_attachment_is_shared_once_submitted(
    client, open_request, focal_point, other_focal_point
):
    sign_in(client, other_focal_point).post(
        request_url(open_request, "response/"),
        {
            "version": "0",
            "language": "en",
            "submit": "1",
            **{f"no_information_{q.pk}": "on" for q in open_request.numbered_questions()},
            "new_attachments": SimpleUploadedFile(
                "antwort.pdf", b"%PDF-1.4 final", "application/pdf"
            ),
        },
    )
    document = Response.objects.get().attachments.get().document
    client.logout()

    assert fetch_status(sign_in(client, focal_point), document.url)[0] == 200


def test_attachment_of_an_item_under_review_stays_with_its_state_and_the_dmr(
    client, item_index, focal_point, other_focal_point, dmr_user
):
    sign_in(client, focal_point).post(
        "/en/network/information/submit/",
        {
            "title": "Under review",
            "summary": "s",
            "body": "b",
            "attachments": SimpleUploadedFile("note.pdf", b"%PDF-1.4 note", "application/pdf"),
        },
    )
    document = InformationItemPage.objects.get().attachments.get().document
    client.logout()

    assert fetch_status(sign_in(client, other_focal_point), document.url)[0] == 403
    client.logout()
    assert fetch_status(sign_in(client, dmr_user), document.url)[0] == 200
