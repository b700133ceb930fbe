"""Issue 17: the thematic groups' index reads the groups' own rows with the children, the
members counted and the reader's memberships in one query, and each group's URL once: the
page is, byte for byte, what it was (for a Focal Point and the DMR, in English and French,
with titles to escape), and refused as before to whoever may not open the network area."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db.models import Count
from django.test import Client, override_settings

from network_pages.community import thematic_groups
from network_pages.community.factories import make_thematic_group
from network_pages.community.models import Membership, ThematicGroupIndexPage
from tests.conftest import sign_in

from .conftest import REFUSED, body_of, count_queries, url_of

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & l\'été "quoted"'
# community/thematic_group_index_page.html as it was (main at a2a58ca), verbatim.
BEFORE = Path(__file__).parent / "before_groups_index"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def group_listing_before(index_page, user) -> list[thematic_groups.GroupSummary]:
    """`thematic_groups.group_listing` as it was, verbatim."""
    groups = list(index_page.get_children().live().specific().order_by("title"))
    ids = [thematic_groups.source_id(page) for page in groups]
    counts = dict(
        Membership.objects.filter(group_id__in=ids)
        .values("group_id")
        .annotate(members=Count("pk"))
        .values_list("group_id", "members")
    )
    joined = set()
    if user.is_authenticated:
        joined = set(
            Membership.objects.filter(user=user, group_id__in=ids).values_list(
                "group_id", flat=True
            )
        )
    return [
        thematic_groups.GroupSummary(
            page=page, member_count=counts.get(pk, 0), is_member=pk in joined
        )
        for page, pk in zip(groups, ids, strict=True)
    ]


def get_context_before(self, request, *args, **kwargs):
    """`ThematicGroupIndexPage.get_context` as it was, verbatim but for the listing's name."""
    context = super(ThematicGroupIndexPage, self).get_context(request, *args, **kwargs)
    context["groups"] = group_listing_before(self, request.user)
    return context


def old_templates() -> list[dict]:
    """The site's template settings, the old index template found first."""
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [BEFORE, *templates[0]["DIRS"]]
    return templates


def page_as_before(client, url: str, monkeypatch) -> str:
    with monkeypatch.context() as patched, override_settings(TEMPLATES=old_templates()):
        patched.setattr(ThematicGroupIndexPage, "get_context", get_context_before)
        return CSRF.sub("", body_of(client.get(url)))


@pytest.fixture
def groups(community, focal_point, approver):
    index = community["thematic_groups"]
    hostile = make_thematic_group(index, HOSTILE, theme=HOSTILE)
    closed = make_thematic_group(index, "Closed & <old>", status="closed")
    private = make_thematic_group(index, "Digital files", members_only=True)
    thematic_groups.join(focal_point, hostile)
    thematic_groups.join(approver, hostile)
    thematic_groups.join(approver, private)
    return [hostile, closed, private]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
def test_the_groups_index_is_written_as_before(
    community, groups, reader, language, request, monkeypatch
):
    client = sign_in(Client(), request.getfixturevalue(reader))
    url = url_of(community["thematic_groups"], language=language)
    now = CSRF.sub("", body_of(client.get(url)))
    assert now == page_as_before(client, url, monkeypatch)
    assert "&lt;script&gt;" in now and "<script>alert" not in now
    assert '#membership-heading"' in now  # a group to join, by its URL written once


def test_the_groups_index_reads_fewer_queries_than_before(
    community, groups, focal_point, monkeypatch
):
    client = sign_in(Client(), focal_point)
    url = url_of(community["thematic_groups"])
    client.get(url)
    with monkeypatch.context() as patched, override_settings(TEMPLATES=old_templates()):
        patched.setattr(ThematicGroupIndexPage, "get_context", get_context_before)
        before = count_queries(client, url)
    assert count_queries(client, url) == before - 3


@pytest.mark.parametrize("visitor", sorted(REFUSED))
def test_the_groups_index_is_refused_to_whoever_may_not_open_the_network(
    community, groups, visitor, visitors
):
    client = Client()
    if visitor != "anonymous":
        sign_in(client, visitors[visitor], verified=visitor != "password-only")
    response = client.get(url_of(community["thematic_groups"]))
    status, location = REFUSED[visitor]
    assert response.status_code == status
    if location:
        assert location in response["Location"]
    assert HOSTILE not in body_of(response) and "Digital files" not in body_of(response)
