"""3.1 and 3.2: the directory, its vCards, its export and its national networks are for members.

Every route is requested by every kind of visitor the network area refuses; the refusal
carries none of the members' names or addresses, in its body or its headers, and changes
nothing. Members get what their role allows.
"""

import pytest

from network_pages.models import NationalNetworkOrganisation
from tests.conftest import sign_in

from .conftest import directory_url

pytestmark = pytest.mark.django_db

SECRETS = [
    "Claire Dubois",
    "claire.dubois@interieur.example",
    "+33 1 23 45 67 89",
    "Hans Becker",
    "Croix-Rouge",
    "lucie.martin@croix-rouge.example",
]
FORM = {"name": "Hijacked", "kind": "governmental"}


@pytest.fixture
def routes(members, red_cross):
    """{name: (method, url)} for every route of the directory page."""
    claire = members["claire"].member_profile.pk
    network_route = "state/FR/national-network"
    return {
        "directory": ("get", directory_url()),
        "directory, French alias": ("get", directory_url(language="fr")),
        "filtered directory": ("get", directory_url("?state=FR&q=Dubois")),
        "vCard": ("get", directory_url(f"person/{claire}/vcard/")),
        "vCard, French alias": ("get", directory_url(f"person/{claire}/vcard/", language="fr")),
        "CSV export": ("get", directory_url("export/csv/")),
        "add organisation": ("get", directory_url(f"{network_route}/add/")),
        "add organisation, sent": ("post", directory_url(f"{network_route}/add/")),
        "edit organisation": ("get", directory_url(f"{network_route}/{red_cross.pk}/edit/")),
        "edit organisation, sent": ("post", directory_url(f"{network_route}/{red_cross.pk}/edit/")),
        "delete organisation": ("get", directory_url(f"{network_route}/{red_cross.pk}/delete/")),
        "delete organisation, sent": (
            "post",
            directory_url(f"{network_route}/{red_cross.pk}/delete/"),
        ),
    }


ROUTES = [
    "directory",
    "directory, French alias",
    "filtered directory",
    "vCard",
    "vCard, French alias",
    "CSV export",
    "add organisation",
    "add organisation, sent",
    "edit organisation",
    "edit organisation, sent",
    "delete organisation",
    "delete organisation, sent",
]
REFUSED = {
    "anonymous": (302, "/accounts/login/?next="),
    "password-only": (302, "/accounts/verify/?next="),
    "verified non-member": (403, None),
    "guest": (403, None),
}


def request_route(client, routes, route):
    method, url = routes[route]
    return getattr(client, method)(url, FORM if method == "post" else None)


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


def organisations() -> list[tuple]:
    return list(NationalNetworkOrganisation.objects.order_by("pk").values_list())


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("kind", list(REFUSED))
def test_refused_visitors_learn_nothing_of_the_directory(
    client, routes, focal_point, outsider, guest, kind, route
):
    visitor = {"password-only": focal_point, "verified non-member": outsider, "guest": guest}
    if kind != "anonymous":
        sign_in(client, visitor[kind], verified=kind != "password-only")
    before = organisations()

    response = request_route(client, routes, route)

    status, location = REFUSED[kind]
    assert response.status_code == status
    if location:
        assert location in response["Location"]
    body = body_of(response)
    headers = " ".join(response.headers.values())
    assert [secret for secret in SECRETS if secret in body or secret in headers] == []
    assert "private" in response["Cache-Control"]
    assert organisations() == before


FOCAL_POINT_STATUS = {
    "CSV export": 403,  # the DMR's only
    "add organisation, sent": 302,
    "edit organisation, sent": 302,
    "delete organisation, sent": 302,
}


@pytest.mark.parametrize("route", ROUTES)
def test_focal_point_uses_every_route_but_the_export(client, routes, focal_point, route):
    response = request_route(sign_in(client, focal_point), routes, route)

    assert response.status_code == FOCAL_POINT_STATUS.get(route, 200)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("route", ROUTES)
def test_dmr_uses_every_route(client, routes, dmr_user, route):
    response = request_route(sign_in(client, dmr_user), routes, route)

    assert response.status_code == (302 if route.endswith(", sent") else 200)
    assert "no-store" in response["Cache-Control"]


def test_focal_points_refused_export_carries_no_names(client, routes, focal_point):
    response = request_route(sign_in(client, focal_point), routes, "CSV export")

    assert response.status_code == 403
    assert [secret for secret in SECRETS if secret in body_of(response)] == []
