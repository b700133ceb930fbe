"""Issue 17: the directory is shown a page at a time, each page whole member-state blocks of
about `ROWS_PER_PAGE` rows, so that a page costs the same whatever the number of members;
the count, the index of states and the search cover every page."""

import re

import pytest

from network_pages import directory_pages
from network_pages.directory_pages import lay_out
from tests.conftest import sign_in

from .conftest import directory_url, listed_usernames

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_rows_a_page(monkeypatch):
    """The `members` fixture's blocks (France 3 people, Germany 2, Italy 1, the Secretariat
    2) then fall on three pages: France; Germany and Italy; the Secretariat."""
    monkeypatch.setattr(directory_pages, "ROWS_PER_PAGE", 3)


def test_blocks_are_laid_out_whole_a_new_page_when_the_next_would_overflow():
    blocks = [("FR", 3), ("AT", 0), ("DE", 2), ("IT", 1), ("PL", 5), ("DMR", 1)]

    assert lay_out(blocks, rows_per_page=3) == {"FR": 1, "DE": 2, "IT": 2, "PL": 3, "DMR": 4}


def test_a_block_larger_than_a_page_is_a_page_of_its_own():
    assert lay_out([("FR", 1), ("DE", 9), ("IT", 1)], rows_per_page=3) == {
        "FR": 1,
        "DE": 2,
        "IT": 3,
    }


def test_each_page_lists_its_own_member_states(client, members, focal_point, three_rows_a_page):
    sign_in(client, focal_point)
    pages = [listed_usernames(client.get(directory_url(f"?page={n}"))) for n in (1, 2, 3)]

    assert pages[0] == {"FR": ["claire", "fp_fr", "marc"]}
    assert pages[1] == {"DE": ["hans", "fp_de"], "IT": ["approver"]}
    # The last page: the Secretariat, and the states with nobody listed, in the compact list.
    assert pages[2].pop("DMR") == ["dana", "dmr"]
    assert len(pages[2]) == 43
    assert not any(pages[2].values())


def test_the_last_page_closes_with_the_states_without_a_listed_focal_point(
    client, members, focal_point, three_rows_a_page
):
    sign_in(client, focal_point)
    first = client.get(directory_url()).content.decode()
    last = client.get(directory_url("?page=3")).content.decode()

    assert 'id="states-without-members"' not in first
    assert "43 member states without a listed Focal Point" in last


def test_the_count_covers_every_page_and_the_page_is_named(
    client, members, focal_point, three_rows_a_page
):
    html = sign_in(client, focal_point).get(directory_url("?page=2")).content.decode()

    status = re.search(r'<div id="directory-results" role="status">\s*<p>(.*?)</p>', html, re.S)
    assert " ".join(status.group(1).split()) == "8 members listed. Page 2 of 3."


def test_the_index_of_states_leads_to_each_states_page(
    client, members, focal_point, three_rows_a_page
):
    html = sign_in(client, focal_point).get(directory_url()).content.decode()

    index = html.split('<nav class="directory-states"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="#state-FR">France</a>' in index
    assert '<a href="/en/network/directory/?page=2#state-DE">Germany</a>' in index
    assert '<a href="/en/network/directory/?page=2#state-IT">Italy</a>' in index
    assert 'href="/en/network/directory/?page=3#states-without-members"' in index
    assert 'href="/en/network/directory/?page=3#dmr-secretariat"' in index


def test_the_pages_are_a_labelled_navigation_with_the_current_one_marked(
    client, members, focal_point, three_rows_a_page
):
    html = sign_in(client, focal_point).get(directory_url("?page=2")).content.decode()

    pages = html.split('<nav class="directory-pages" aria-label="Pages of the directory">', 1)[1]
    pages = pages.split("</nav>", 1)[0]
    assert '<a href="/en/network/directory/" rel="prev">Previous page</a>' in pages
    assert '<a href="/en/network/directory/?page=3" rel="next">Next page</a>' in pages
    current = re.findall(r'<a href="[^"]*" aria-current="page">(.*?)</a>', pages)
    assert current == ['<span class="visually-hidden">Page </span>2']


def test_a_directory_on_one_page_has_no_page_links(client, members, focal_point):
    html = sign_in(client, focal_point).get(directory_url()).content.decode()

    assert "Pages of the directory" not in html
    assert "Page 1 of" not in html


@pytest.mark.parametrize(("asked", "shown"), [("9", 3), ("0", 1), ("two", 1), ("", 1)])
def test_a_page_out_of_range_shows_the_nearest_one(
    client, members, focal_point, three_rows_a_page, asked, shown
):
    response = sign_in(client, focal_point).get(directory_url(), {"page": asked})

    assert response.status_code == 200
    assert response.context["pagination"].number == shown


def test_a_search_is_paginated_and_its_words_are_kept_in_the_links(
    client, members, focal_point, monkeypatch
):
    monkeypatch.setattr(directory_pages, "ROWS_PER_PAGE", 1)
    sign_in(client, focal_point)

    first = client.get(directory_url(), {"q": "office"})
    second = client.get(directory_url(), {"q": "office", "page": "2"})

    assert listed_usernames(first) == {"FR": ["marc"]}
    assert listed_usernames(second) == {"DE": ["hans"]}
    html = first.content.decode()
    assert "2 members listed. Page 1 of 2." in " ".join(html.split())
    assert 'href="/en/network/directory/?q=office&amp;page=2" rel="next"' in html
    assert "Other member states" not in html


def test_one_state_asked_for_is_shown_whole_on_one_page(client, members, focal_point, monkeypatch):
    monkeypatch.setattr(directory_pages, "ROWS_PER_PAGE", 1)

    response = sign_in(client, focal_point).get(directory_url(), {"state": "FR", "page": "2"})

    assert listed_usernames(response) == {"FR": ["claire", "fp_fr", "marc"]}
    assert "Pages of the directory" not in response.content.decode()


def test_after_keeping_a_national_network_the_directory_opens_at_that_states_page(
    client, members, dmr_user, three_rows_a_page
):
    response = sign_in(client, dmr_user).post(
        directory_url("state/DE/national-network/add/"),
        {"name": "Caritas", "kind": "non_governmental"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/network/directory/?page=2#state-DE"


def test_the_pages_are_named_in_french(client, members, focal_point, three_rows_a_page):
    html = sign_in(client, focal_point).get(directory_url("?page=2", language="fr")).content
    html = " ".join(html.decode().split())

    assert "8 membres" in html
    assert "Page 2 sur 3." in html
    assert 'aria-label="Pages de l\'annuaire"' in html
    assert "Page précédente" in html
