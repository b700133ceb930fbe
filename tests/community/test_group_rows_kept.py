"""Issue 17: the thematic groups index keeps each row it writes for the process, under
everything the row is written from. A reader is only given the row of what they were shown
(their own membership), and a group renamed or joined is written again."""

import pytest
from django.test import Client

from network_pages.community import thematic_groups
from network_pages.community.factories import make_thematic_group
from tests.conftest import sign_in

from .conftest import body_of, url_of

pytestmark = pytest.mark.django_db

MEMBER = "You are a member"


def test_each_reader_is_given_the_row_of_their_own_membership(community, focal_point, approver):
    group = make_thematic_group(community["thematic_groups"], "Age assessment")
    thematic_groups.join(approver, group)
    url = url_of(community["thematic_groups"])
    member = sign_in(Client(), approver)
    other = sign_in(Client(), focal_point)

    assert MEMBER in body_of(member.get(url))
    assert MEMBER not in body_of(other.get(url))  # the member's row, kept, is not theirs
    assert MEMBER in body_of(member.get(url))


def test_a_kept_row_is_written_again_once_the_group_is_joined_or_renamed(community, focal_point):
    group = make_thematic_group(community["thematic_groups"], "Age assessment")
    url = url_of(community["thematic_groups"])
    client = sign_in(Client(), focal_point)
    assert MEMBER not in body_of(client.get(url))

    thematic_groups.join(focal_point, group)
    assert MEMBER in body_of(client.get(url))

    group.title = "Age assessment & <guardianship>"
    group.save_revision().publish()
    body = body_of(client.get(url))
    assert "Age assessment &amp; &lt;guardianship&gt;</a>" in body
    assert "Age assessment</a>" not in body
