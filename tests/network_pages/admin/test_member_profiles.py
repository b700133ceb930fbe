"""4.9: the DMR manages the network's members in the admin; nobody else reaches it."""

import pytest
from django.urls import reverse

from network_pages.factories import make_member
from network_pages.models import MemberProfile, MemberState
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def listed_usernames(response) -> set[str]:
    return {profile.user.username for profile in response.context["object_list"]}


@pytest.fixture
def deputy(db):
    return make_member("deputy_fr", state="FR", function=MemberProfile.Function.DEPUTY)


def test_dmr_lists_profiles_with_name_state_function_institution_and_active(
    dmr_client, focal_point
):
    response = dmr_client.get(reverse("member_profiles:index"))

    assert response.status_code == 200
    columns = [column.label for column in response.context["table"].columns.values()]
    assert columns == ["Name", "Member state", "Function", "Institution", "Active"]
    assert "Fp_fr Tester" in response.text


def test_dmr_filters_profiles_by_member_state(dmr_client, focal_point, other_focal_point):
    france = MemberState.objects.get(code="FR")

    response = dmr_client.get(reverse("member_profiles:index"), {"member_state": france.pk})

    assert listed_usernames(response) == {"fp_fr"}


def test_dmr_filters_profiles_by_function(dmr_client, focal_point, deputy):
    response = dmr_client.get(
        reverse("member_profiles:index"), {"function": MemberProfile.Function.DEPUTY}
    )

    assert listed_usernames(response) == {"deputy_fr"}


def test_dmr_filters_out_inactive_profiles(dmr_client, focal_point, other_focal_point):
    MemberProfile.objects.filter(user=other_focal_point).update(is_active=False)

    response = dmr_client.get(reverse("member_profiles:index"), {"is_active": "true"})

    assert "fp_de" not in listed_usernames(response)
    assert "fp_fr" in listed_usernames(response)


def test_dmr_searches_profiles_by_full_name_institution_or_email(
    dmr_client, focal_point, other_focal_point
):
    MemberProfile.objects.filter(user=focal_point).update(institution="Ministère de l'Intérieur")
    index = reverse("member_profiles:index")

    assert listed_usernames(dmr_client.get(index, {"q": "fp_fr tester"})) == {"fp_fr"}
    assert listed_usernames(dmr_client.get(index, {"q": "intérieur"})) == {"fp_fr"}
    assert listed_usernames(dmr_client.get(index, {"q": "fp_de@example"})) == {"fp_de"}


def test_dmr_edits_a_profile(dmr_client, focal_point):
    profile = focal_point.member_profile

    response = dmr_client.post(
        reverse("member_profiles:edit", args=[profile.pk]),
        {
            "email": focal_point.email,
            "member_state": profile.member_state_id,
            "function": MemberProfile.Function.DEPUTY,
            "institution": "Ministry of the Interior",
            "preferred_language": "fr",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.function == MemberProfile.Function.DEPUTY
    assert profile.institution == "Ministry of the Interior"


def test_a_focal_point_profile_without_member_state_is_a_form_error(dmr_client, focal_point):
    profile = focal_point.member_profile

    response = dmr_client.post(
        reverse("member_profiles:edit", args=[profile.pk]),
        {"member_state": "", "function": "focal_point", "preferred_language": "en"},
    )

    assert response.status_code == 200
    assert "member_state" in response.context["form"].errors
    profile.refresh_from_db()
    assert profile.member_state.code == "FR"


def test_a_user_has_one_profile_at_most(dmr_client, focal_point):
    response = dmr_client.post(
        reverse("member_profiles:add"),
        {
            "user": focal_point.pk,
            "member_state": MemberState.objects.get(code="BE").pk,
            "function": "deputy",
            "preferred_language": "en",
        },
    )

    assert response.status_code == 200
    assert "user" in response.context["form"].errors
    assert MemberProfile.objects.filter(user=focal_point).count() == 1


def test_dmr_adds_a_profile_to_an_account_without_one(dmr_client, django_user_model):
    user = django_user_model.objects.create_user("expert", email="expert@example.org")

    response = dmr_client.post(
        reverse("member_profiles:add"),
        {"user": user.pk, "function": "guest", "preferred_language": "en", "is_active": "on"},
    )

    assert response.status_code == 302
    assert MemberProfile.objects.get(user=user).function == "guest"


ADMIN_URLS = [
    ("member_profiles:index", False),
    ("member_profiles:edit", True),
    ("member_states:index", False),
    ("national_networks:index", False),
    ("member_invitations:invite", False),
    ("member_profiles:reset_two_factor", True),
]


@pytest.mark.parametrize(("url_name", "takes_profile"), ADMIN_URLS)
def test_a_focal_point_never_reaches_membership_admin(
    focal_point_client, focal_point, other_focal_point, url_name, takes_profile
):
    args = [other_focal_point.member_profile.pk] if takes_profile else []

    response = focal_point_client.get(reverse(url_name, args=args))

    assert response.status_code == 302
    assert "/admin/" not in response["Location"].split("?")[0]
    assert "fp_de" not in response.content.decode()
    assert "Fp_de" not in response.content.decode()


@pytest.mark.parametrize(("url_name", "takes_profile"), ADMIN_URLS)
def test_anonymous_visitors_are_sent_to_the_login(client, focal_point, url_name, takes_profile):
    args = [focal_point.member_profile.pk] if takes_profile else []

    response = client.get(reverse(url_name, args=args))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")


def test_a_password_only_dmr_session_is_sent_to_the_code_step(client, dmr_user):
    sign_in(client, dmr_user, verified=False)

    response = client.get(reverse("member_profiles:index"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:verify") + "?next=")


def test_dmr_finds_network_membership_in_the_admin_menu(dmr_client):
    response = dmr_client.get(reverse("wagtailadmin_home"))

    assert "Network membership" in response.text


def test_the_profile_listing_offers_invite_and_per_row_actions(dmr_client, focal_point):
    response = dmr_client.get(reverse("member_profiles:index"))

    profile = focal_point.member_profile
    assert reverse("member_invitations:invite") in response.text
    assert reverse("member_profiles:reset_two_factor", args=[profile.pk]) in response.text
    # fp_fr chose a password: nothing to resend
    assert reverse("member_profiles:resend_invitation", args=[profile.pk]) not in response.text


def test_dmr_opens_the_invite_form(dmr_client):
    response = dmr_client.get(reverse("member_invitations:invite"))

    assert response.status_code == 200
    assert list(response.context["form"].fields)[:4] == ["email", "first_name", "last_name", "role"]
