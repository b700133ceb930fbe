"""3.1: comments are members-only content. Refused visitors learn nothing from any comment
route; no comment reaches a public page, the public search, the feed or the sitemap; and a
page that leaves the network area leaves its comments behind."""

import pytest
from django.test import Client

from network_pages.community.factories import make_comment
from network_pages.community.models import MemberComment, WorkingMethodsPage
from tests.conftest import sign_in

from .conftest import REFUSED, body_of, url_of

pytestmark = pytest.mark.django_db

MARKER = "MARKER-comment-text-5d1e"
SEARCHED_WORD = "asylumdeadlines"  # in the comment; the public search echoes its query
ROUTES = [
    ("get", ""),
    ("get", "", "fr"),
    ("post", "comments/"),
    ("get", "comments/{pk}/"),
    ("get", "comments/{pk}/reply/"),
    ("post", "comments/{pk}/reply/"),
    ("get", "comments/{pk}/edit/"),
    ("post", "comments/{pk}/edit/"),
    ("post", "comments/{pk}/delete/"),
    ("get", "comments/{pk}/hide/"),
    ("post", "comments/{pk}/hide/"),
    ("post", "comments/{pk}/restore/"),
]


@pytest.fixture
def comment(working_methods, focal_point):
    return make_comment(working_methods, focal_point, f"{MARKER} {SEARCHED_WORD}")


def snapshot() -> list[tuple]:
    return list(MemberComment.objects.order_by("pk").values_list())


@pytest.mark.parametrize("kind", list(REFUSED))
def test_refused_visitors_learn_nothing_of_comments_and_change_nothing(
    client, working_methods, comment, visitors, kind
):
    if kind != "anonymous":
        sign_in(client, visitors[kind], verified=kind != "password-only")
    before = snapshot()
    status, location = REFUSED[kind]

    for method, path, *language in ROUTES:
        url = url_of(working_methods, path.format(pk=comment.pk), language=(language or ["en"])[0])
        response = getattr(client, method)(url, {"body": "Hijack", "reason": "Hijack"})

        assert response.status_code == status, url
        if location:
            assert location in response["Location"], url
        assert MARKER not in body_of(response), url
        assert all(MARKER not in value for value in response.headers.values()), url
        assert "no-store" in response["Cache-Control"], url
    assert snapshot() == before


def test_no_comment_reaches_a_public_surface(client, homes, working_methods, comment):
    member = Client()
    sign_in(member, comment.author)
    assert MARKER in member.get(url_of(working_methods)).content.decode()

    for url in ["/en/", "/fr/", f"/en/search/?q={SEARCHED_WORD}", "/en/feed/", "/sitemap.xml"]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert MARKER not in body_of(response), url


def test_a_page_moved_out_of_the_network_area_shows_no_comments(
    client, homes, working_methods, comment, focal_point
):
    page = WorkingMethodsPage.objects.get(pk=working_methods.pk)
    page.move(homes["en"], pos="last-child")
    page = WorkingMethodsPage.objects.get(pk=page.pk)
    page.get_view_restrictions().filter(page=page).delete()
    sign_in(client, focal_point)

    shown = client.get(page.url)
    posted = client.post(f"{page.url}comments/", {"body": "Should not land"})

    assert shown.status_code == 200
    assert MARKER not in shown.content.decode()
    assert 'id="comments"' not in shown.content.decode()
    assert posted.status_code == 404
    assert not MemberComment.objects.filter(body="Should not land").exists()


def test_a_copy_of_a_page_takes_none_of_its_comments(working_methods, comment, homes):
    copy = working_methods.copy(to=homes["en"], update_attrs={"slug": "working-methods-copy"})

    assert not MemberComment.objects.filter(page=copy).exists()
