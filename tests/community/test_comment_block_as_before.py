"""A page's comment block written in Python (comments/block.py) is, byte for byte, what
community/comments/_comments.html (kept verbatim in tests/old_templates/) wrote with its follow
button: in English and French, for a Focal Point and the DMR, with hostile names, texts and
titles, with and without comments, older and newer pages of threads, for a reader who follows
the page or not, who may post or not, who may read the comments or not."""

import pytest
from django.template import Context, engines
from django.test import RequestFactory
from django.utils import translation

from network_pages.community.comments import block
from network_pages.community.comments.listing import THREADS_PER_PAGE
from network_pages.community.factories import make_comment
from network_pages.community.notifications import follow
from network_pages.community.templatetags.community_tags import comment_block_values
from tests.old_templates import with_old_templates

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & l\'été'
OLD = "community/comments/_comments.html"
DEPRECATION = "django.utils.deprecation.RemovedInDjango60Warning"


def both(page, user, *, query: str = "", csrf="a-csrf-token", language: str = "en"):
    request = RequestFactory().get(f"/{language}/network/x/?{query}&next=<b>")
    request.user = user
    user.is_verified = lambda: True
    with translation.override(language):
        values = comment_block_values(Context({"request": request, "csrf_token": csrf}), page)
        new = block.render_block(values)
        with with_old_templates():
            old = engines["django"].get_template(OLD).render(values)
    return old, new


@pytest.fixture
def hostile_page(working_methods, focal_point, other_focal_point, dmr_user):
    working_methods.title = HOSTILE
    working_methods.save()
    top = make_comment(working_methods, other_focal_point, HOSTILE, language="fr")
    for number in range(5):
        make_comment(working_methods, focal_point, f"Reply {number} {HOSTILE}", parent=top)
    make_comment(working_methods, focal_point, "Mine")
    return working_methods


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
@pytest.mark.parametrize("following", [False, True])
def test_a_block_with_comments_is_written_as_before(
    request, hostile_page, language, reader, following
):
    user = request.getfixturevalue(reader)
    if following:
        follow(user, hostile_page)

    old, new = both(hostile_page, user, language=language)

    assert "&lt;script&gt;" in new and "<script>" not in new
    assert new == old


@pytest.mark.parametrize("language", ["en", "fr"])
def test_older_and_newer_pages_of_threads_are_written_as_before(
    working_methods, focal_point, language
):
    for number in range(THREADS_PER_PAGE * 2 + 3):
        make_comment(working_methods, focal_point, f"Thread {number}")

    for query in ("", "comments-page=2", "comments-page=3", "comments-page=9"):
        old, new = both(working_methods, focal_point, query=query, language=language)
        assert new == old, query


# Django's `{% csrf_token %}` warns of its own `format_html("")` for a view without a token.
@pytest.mark.filterwarnings(f"ignore:Calling format_html:{DEPRECATION}")
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("csrf", ["a-csrf-token", "NOTPROVIDED", None])
def test_a_block_without_comments_is_written_as_before(working_methods, dmr_user, language, csrf):
    old, new = both(working_methods, dmr_user, csrf=csrf, language=language)

    assert new == old


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_reader_who_may_not_read_the_comments_is_told_so_as_before(
    private_group, focal_point, language
):
    """A Focal Point outside a members-only group: the notice, no comment."""
    make_comment(private_group, focal_point, "Members only")

    old, new = both(private_group, focal_point, language=language)

    assert "Members only" not in new
    assert new == old


def test_a_reader_who_may_not_post_is_told_so_as_before(working_methods, guest, focal_point):
    make_comment(working_methods, focal_point, HOSTILE)

    for language in ("en", "fr"):
        old, new = both(working_methods, guest, language=language)
        assert new == old


def test_a_page_not_saved_yet_has_no_block_as_before(community, focal_point):
    page = type(community["working_methods"])(title="Preview")

    old, new = both(page, focal_point)

    assert new == old == "\n"
