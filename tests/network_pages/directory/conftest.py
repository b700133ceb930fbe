"""Members of several states, the Secretariat and a national network, for the directory."""

import pytest

from network_pages import roles
from network_pages.area_addresses import localized
from network_pages.factories import make_member
from network_pages.models import MemberState, NationalNetworkOrganisation


def directory_url(route: str = "", *, language: str = "en") -> str:
    return localized(f"/{language}/network/directory/{route}")


@pytest.fixture
def france(db):
    return MemberState.objects.get(code="FR")


@pytest.fixture
def germany(db):
    return MemberState.objects.get(code="DE")


@pytest.fixture
def members(network, focal_point, other_focal_point, approver, dmr_user):
    """Named people in FR, DE and the Secretariat, besides the conftest fixtures' users."""
    return {
        "claire": make_member(
            "claire",
            first_name="Claire",
            last_name="Dubois",
            state="FR",
            function="focal_point",
            institution="Ministère de l'Intérieur",
            position="Head of unit",
            email="claire.dubois@interieur.example",
            phone="+33 1 23 45 67 89",
            preferred_language="fr",
        ),
        "marc": make_member(
            "marc",
            first_name="Marc",
            last_name="Aubert",
            state="FR",
            function="deputy",
            institution="Office for Asylum",
        ),
        "hans": make_member(
            "hans",
            first_name="Hans",
            last_name="Becker",
            state="DE",
            institution="Federal Office for Migration",
        ),
        "dana": make_member(
            "dana",
            groups=(roles.DMR_SECRETARIAT,),
            state=None,
            first_name="Dana",
            last_name="Moreau",
            institution="Council of Europe, DMR",
        ),
    }


@pytest.fixture
def red_cross(network, france):
    return NationalNetworkOrganisation.objects.create(
        member_state=france,
        name="Croix-Rouge française",
        kind=NationalNetworkOrganisation.Kind.NON_GOVERNMENTAL,
        contact_name="Lucie Martin",
        contact_email="lucie.martin@croix-rouge.example",
        website="https://www.croix-rouge.example",
    )


@pytest.fixture
def bamf(network, germany):
    return NationalNetworkOrganisation.objects.create(
        member_state=germany,
        name="Federal Office for Migration and Refugees",
        kind=NationalNetworkOrganisation.Kind.GOVERNMENTAL,
    )


def listed_usernames(response) -> dict[str, list[str]]:
    """{state code or "DMR": [usernames in order]} from the page's context."""
    directory = response.context["directory"]
    listing = {
        entry.state.code: [profile.user.username for profile in entry.members]
        for entry in directory.states
    }
    if directory.secretariat:
        listing["DMR"] = [profile.user.username for profile in directory.secretariat]
    return listing
