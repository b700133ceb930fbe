"""4.6: what members write (comments, information items) stays in the language it was written
in and says so: a `lang` attribute on the element holding it, a visible tag where the
reader's language differs, a language chosen on the form (the interface's by default),
and a filter in the members' search."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.utils import translation
from wagtail.models import Locale

from network_pages.community import activity
from network_pages.community.factories import make_comment
from network_pages.community.models import MemberComment
from network_pages.information.factories import make_item
from network_pages.information.models import InformationItemPage
from network_pages.information.site_setup import ensure_information_indexes
from network_pages.search import extraction
from tests.conftest import sign_in

from .conftest import body_of, url_of

pytestmark = pytest.mark.django_db


NEWS = InformationItemPage.Kind.DMR_NEWS


def french_route(page, name: str, args=()) -> str:
    """The address of one of the page's routes on its French page."""
    french = page.get_translation(Locale.objects.get(language_code="fr")).specific
    with translation.override("fr"):  # the route's parts in French (`commentaires/`)
        return french.url + french.reverse_subpage(name, args=list(args))


@pytest.fixture
def item_index(network):
    return ensure_information_indexes(network)[1]


# --- comments -----------------------------------------------------------------------------


def test_a_comment_posted_from_the_french_interface_is_french_unless_the_member_says_otherwise(
    client, working_methods, focal_point
):
    sign_in(client, focal_point)
    comments_url = french_route(working_methods, "comments_post")

    client.post(comments_url, {"body": "Une remarque."})
    client.post(comments_url, {"body": "A remark in English.", "language": "en"})

    assert dict(MemberComment.objects.values_list("body", "language")) == {
        "Une remarque.": "fr",
        "A remark in English.": "en",
    }


def test_the_comment_form_offers_the_language_with_the_interfaces_as_its_default(
    client, working_methods, focal_point
):
    sign_in(client, focal_point)

    html = body_of(client.get(url_of(working_methods, language="fr")))

    assert 'name="language"' in html
    assert '<option value="fr" selected>' in html


def test_a_comment_in_another_language_says_so_and_is_marked_for_screen_readers(
    client, working_methods, focal_point, other_focal_point
):
    make_comment(working_methods, other_focal_point, "Written in English.", language="en")
    make_comment(working_methods, other_focal_point, "Écrit en français.", language="fr")
    sign_in(client, focal_point)

    french = body_of(client.get(url_of(working_methods, language="fr")))
    english = body_of(client.get(url_of(working_methods)))

    assert '<div class="comment-text" lang="en"><p>Written in English.</p></div>' in french
    assert '<div class="comment-text" lang="fr"><p>Écrit en français.</p></div>' in french
    assert french.count('<span class="language-tag" lang="fr">(en anglais)</span>') == 1
    assert english.count('<span class="language-tag" lang="en">(in French)</span>') == 1
    assert "(en français)" not in french


def test_the_author_corrects_the_language_of_their_comment_when_editing_it(
    client, working_methods, focal_point
):
    comment = make_comment(working_methods, focal_point, "Texte en français.", language="en")
    sign_in(client, focal_point)
    edit = url_of(working_methods) + working_methods.reverse_subpage(
        "comments_edit", args=[comment.pk]
    )

    client.post(edit, {"body": "Texte en français.", "language": "fr"})

    comment.refresh_from_db()
    assert comment.language == "fr"
    assert comment.edited_at is None  # the text did not change


def test_existing_comments_take_their_authors_preferred_language(
    working_methods, focal_point, other_focal_point
):
    focal_point.member_profile.preferred_language = "fr"
    focal_point.member_profile.save()
    french = make_comment(working_methods, focal_point, "Ancien commentaire")
    english = make_comment(working_methods, other_focal_point, "Old comment")
    MemberComment.objects.update(language="en")

    migration = importlib.import_module("network_pages.community.migrations.0003_content_language")
    migration.fill_from_authors(django_apps, None)

    french.refresh_from_db()
    english.refresh_from_db()
    assert (french.language, english.language) == ("fr", "en")


# --- information items ----------------------------------------------------------------------


def test_information_submitted_in_french_is_french_and_says_so_to_english_readers(
    client, item_index, focal_point, other_focal_point
):
    sign_in(client, focal_point)
    client.post(
        french_route(item_index, "submit_item"),
        {"title": "Parrainage de jeunes réfugiés", "summary": "Un programme.", "body": "Texte."},
    )
    item = InformationItemPage.objects.get()
    assert item.language == "fr"
    item.save_revision().publish()

    sign_in(client, other_focal_point)
    listing = body_of(client.get(url_of(item_index)))
    page = body_of(client.get(url_of(item_index) + f"{item.slug}/"))

    assert 'lang="fr" hreflang="fr">Parrainage de jeunes réfugiés</a>' in listing
    assert '<span class="language-tag" lang="en">(in French)</span>' in listing
    assert '<article class="information-item" lang="fr">' in page
    assert '<h1 lang="fr">Parrainage de jeunes réfugiés' in page


def test_information_in_the_readers_language_carries_no_tag(client, item_index, focal_point):
    item = make_item(item_index, title="Integration courses", language="en", item_type=NEWS)
    sign_in(client, focal_point)

    page = body_of(client.get(url_of(item_index) + f"{item.slug}/"))

    assert "<h1>Integration courses</h1>" in page
    assert "language-tag" not in page


def test_existing_items_take_their_submitters_preferred_language(item_index, focal_point):
    focal_point.member_profile.preferred_language = "fr"
    focal_point.member_profile.save()
    submitted = make_item(
        item_index,
        title="Soumis",
        submitted_by=focal_point,
        member_state=focal_point.member_profile.member_state,
    )
    news = make_item(item_index, title="News", item_type=InformationItemPage.Kind.DMR_NEWS)
    InformationItemPage.objects.update(language="en")

    migration = importlib.import_module(
        "network_pages.information.migrations.0002_content_language"
    )
    migration.fill_from_authors(django_apps, None)

    submitted.refresh_from_db()
    news.refresh_from_db()
    assert (submitted.language, news.language) == ("fr", "en")


# --- the network home's feed and the members' search ----------------------------------------


def test_the_network_homes_feed_marks_a_french_items_title_for_english_readers(
    item_index, focal_point
):
    make_item(item_index, title="Parrainage", language="fr", item_type=NEWS)
    make_item(item_index, title="Mentoring", language="en", item_type=NEWS)

    entries = {entry.title: entry.lang for entry in activity.network_activity_for(focal_point)}

    assert entries["Parrainage"] == "fr" and entries["Mentoring"] == "en"


def test_the_search_indexes_items_and_comments_with_their_language(
    item_index, working_methods, focal_point
):
    item = make_item(item_index, title="Parrainage", language="fr", item_type=NEWS)
    comment = make_comment(working_methods, focal_point, "Une remarque.", language="fr")

    assert [entry.language for entry in extraction.item_entries(item)] == ["fr"]
    assert [entry.language for entry in extraction.comment_entries(comment)] == ["fr"]


def test_a_guess_without_a_form_is_the_interfaces_language(working_methods, focal_point):
    from network_pages.community.comments.posting import post_comment

    with translation.override("fr"):
        comment, _ = post_comment(page=working_methods, author=focal_point, body="Bonjour")

    assert comment.language == "fr"
