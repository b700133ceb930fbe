"""Issue 17: the move form weighs the places that refuse the reader, never every restriction
page by page, and still offers exactly the libraries `places.may_move` allows: never one
the reader may not move an entry to, whatever restricts it (a group the DMR is not in, a
shared password, an ancestor's restriction, an alias's own restriction)."""

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Q
from django.template import engines
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from network_pages import roles
from network_pages.library import places
from network_pages.library.factories import make_entry, text_file
from network_pages.library.forms import MoveEntryForm
from network_pages.meetings.factories import make_meeting
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.network_area import source_of
from nfp_site.plain_select import PlainSelect
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def move_targets_before(user, current):
    """`places.move_targets` as it was before issue 17's change, kept verbatim: every
    library's restrictions read, then `may_move` asked of each."""
    if not places.may_move(user, current):
        return []
    user = getattr(user, "_wrapped", user)
    # `_libraries_on(None)` then: every source page (its SQL compiled once per process).
    meetings, groups = places._libraries_on(Q(alias_of__isnull=True))
    candidates = [places.NETWORK, *meetings, *groups]
    here = places.key_of(current)
    return [lib for lib in candidates if places.key_of(lib) != here and places.may_move(user, lib)]


def keys(offered) -> list[str]:
    """The keys of libraries (`places.Library`) or of move targets (`places.MoveTarget`)."""
    return [
        target.key if isinstance(target, places.MoveTarget) else places.key_of(target)
        for target in offered
    ]


def restrict(page: Page, kind: str, *group_names: str, password: str = "") -> None:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=password
    )
    restriction.groups.set(Group.objects.filter(name__in=group_names))


@pytest.fixture
def restricted_places(network, libraries, community):
    """Meetings and groups restricted in every way the access rule knows, some refusing the
    DMR, with a French alias or not, published or not."""
    index = ensure_meetings_index(network)
    focal_points_only = make_meeting(index, title="Focal Points only", slug="fp-only")
    restrict(focal_points_only, PageViewRestriction.GROUPS, roles.FOCAL_POINTS)
    shared_password = make_meeting(index, title="Shared password", slug="shared-password")
    restrict(shared_password, PageViewRestriction.PASSWORD, password="open sesame")  # noqa: S106
    signed_in = make_meeting(index, title="Anyone signed in", slug="anyone-signed-in")
    restrict(signed_in, PageViewRestriction.LOGIN)
    with_dmr = make_meeting(index, title="Focal Points and DMR", slug="fp-and-dmr")
    restrict(with_dmr, PageViewRestriction.GROUPS, roles.FOCAL_POINTS, roles.DMR_SECRETARIAT)
    make_meeting(index, title="Not yet published", slug="draft-meeting", publish=False)
    # A restriction on an alias applies nowhere (the source's own count).
    group = libraries["open group"].page
    alias = Page.objects.filter(alias_of=group).first()
    if alias is not None:
        restrict(alias, PageViewRestriction.GROUPS, roles.GUESTS)
    # An ancestor's restriction that refuses the DMR: every group below it.
    restrict(community["thematic_groups"], PageViewRestriction.GROUPS, roles.FOCAL_POINTS)
    return {"refused": {"Focal Points only", "Shared password"}}


def test_the_move_form_offers_what_it_offered_before_to_the_dmr(
    libraries, restricted_places, dmr_user
):
    for current in libraries.values():
        offered = places.move_targets(dmr_user, current)
        assert keys(offered) == keys(move_targets_before(dmr_user, current))


def test_the_move_form_never_offers_a_library_the_dmr_may_not_move_to(
    libraries, restricted_places, dmr_user
):
    offered = places.move_targets(dmr_user, places.NETWORK)
    assert offered
    assert all(places.may_move(dmr_user, target.library()) for target in offered)
    titles = {target.title for target in offered if target.page_id is not None}
    assert not titles & restricted_places["refused"]
    assert "Focal Points and DMR" in titles and "Anyone signed in" in titles
    assert "Not yet published" in titles  # the DMR edits pages before they are live
    # Below the thematic groups' index, restricted to the Focal Points: no group at all.
    assert not any(library.kind is places.Kind.GROUP for library in offered)


def test_a_superuser_is_offered_every_library_but_the_current_one(
    libraries, restricted_places, dmr_user
):
    dmr_user.is_superuser = True
    dmr_user.save()
    offered = places.move_targets(dmr_user, libraries["meeting"])
    assert keys(offered) == keys(move_targets_before(dmr_user, libraries["meeting"]))
    assert places.key_of(libraries["meeting"]) not in keys(offered)
    assert {target.title for target in offered} >= restricted_places["refused"]


def test_nobody_but_the_dmr_is_offered_a_library(
    libraries, restricted_places, dmr_user, focal_point, expert, guest, outsider
):
    for user in (focal_point, expert, guest, outsider):
        for current in libraries.values():
            assert places.move_targets(user, current) == []
    dmr_user.is_active = False
    dmr_user.save()
    assert places.move_targets(dmr_user, places.NETWORK) == []


def test_the_move_form_reads_two_queries_whatever_the_number_of_restrictions(
    libraries, restricted_places, dmr_user
):
    dmr_user = type(dmr_user).objects.get(pk=dmr_user.pk)
    places.move_targets(dmr_user, places.NETWORK)  # the user's groups, read once
    with CaptureQueriesContext(connection) as queries:
        places.move_targets(dmr_user, places.NETWORK)
    assert len(queries) == 2


def test_the_entry_page_offers_the_dmr_only_what_may_move_allows(
    libraries, restricted_places, dmr_user
):
    entry = make_entry(places.NETWORK, dmr_user, title="Annual report", upload=text_file())
    page = sign_in(Client(), dmr_user).get(f"/en/network/library/documents/{entry.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    for library in move_targets_before(dmr_user, places.NETWORK):
        assert f'value="{places.key_of(library)}"' in html
    for meeting in Page.objects.filter(title__in=restricted_places["refused"]):
        assert f'value="meeting-{source_of(meeting).pk}"' not in html


# --- the form, written as before -----------------------------------------------------

HOSTILE = '<script>alert("x")</script> & l\'été "quoted"'


class MoveEntryFormBefore(forms.Form):
    """`MoveEntryForm` as it was before issue 17's change, kept verbatim: (key, library)
    pairs of `places.Library`, the page of each read with it."""

    target = forms.ChoiceField(label=_("Move to"), widget=PlainSelect)

    def __init__(self, data=None, *, targets) -> None:
        super().__init__(data)
        self.targets = dict(targets)
        by_kind: dict[str, list] = {"network": [], "meeting": [], "group": []}
        for key, library in self.targets.items():
            by_kind[str(library.kind)].append(
                (key, library.page.title if library.page is not None else library.title)
            )
        self.fields["target"].choices = [
            *by_kind["network"],
            *([(_("Meetings"), by_kind["meeting"])] if by_kind["meeting"] else []),
            *([(_("Thematic groups"), by_kind["group"])] if by_kind["group"] else []),
        ]


# As entry.html writes the form's field.
FIELD = "<p>{{ form.target.label_tag }} {{ form.target }}</p>"


def written(form) -> str:
    return engines["django"].from_string(FIELD).render({"form": form})


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_move_form_is_written_as_before(network, libraries, dmr_user, language):
    index = ensure_meetings_index(network)
    make_meeting(index, title=HOSTILE, slug="hostile-meeting")
    make_meeting(index, title="Réunion & <b>plénière</b>", slug="plenary-amp")
    for current in libraries.values():
        with translation.override(language):
            before = [(places.key_of(lib), lib) for lib in move_targets_before(dmr_user, current)]
            expected = written(MoveEntryFormBefore(targets=before))
            assert written(MoveEntryForm(targets=places.move_targets(dmr_user, current))) == (
                expected
            )
        assert "&lt;script&gt;" in expected and "<script>" not in expected


def test_the_library_chosen_is_the_one_offered(libraries, dmr_user):
    offered = places.move_targets(dmr_user, places.NETWORK)
    meeting = places.key_of(libraries["meeting"])
    form = MoveEntryForm({"target": meeting}, targets=offered)
    assert form.is_valid()
    chosen = form.chosen()
    assert places.key_of(chosen) == meeting
    assert chosen.page.specific == libraries["meeting"].page
    assert not MoveEntryForm({"target": "meeting-999999"}, targets=offered).is_valid()
