"""Issue 16: one email address per person, the account's.

The profile's "work email" is gone: migration 0005 made it the account's address where no
other account used it (and logged the previous one), or kept the account's and logged the
conflict. Convocations, the directory, its exports and the admin all use the one address;
the DMR changes it in the admin, which is audited and tells the previous address.
"""

import importlib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from network_pages import audit, directory, roles
from network_pages.factories import make_member
from network_pages.meetings.factories import days_from_today, make_meeting
from network_pages.meetings.models import MeetingKind
from network_pages.meetings.participants import invitees
from network_pages.meetings.site_setup import ensure_meetings_index
from network_pages.models import MemberProfile
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
User = get_user_model()
migration = importlib.import_module("network_pages.migrations.0005_one_email_address")


def run_migration_on(rows) -> None:
    """The migration's data function, on `rows` (the profiles it would read)."""
    decisions = migration.decide(rows, User.objects.values_list("pk", "email"))
    migration.apply(decisions, User, ModelLogEntry, ContentType.objects.get_for_model(User))


def row(user, work_email) -> object:
    return migration.Row(user.pk, user.username, user.email, work_email)


def log_of(user, action):
    return ModelLogEntry.objects.filter(object_id=str(user.pk), action=action)


# --- The migration ------------------------------------------------------------------


def test_the_migration_makes_a_free_work_address_the_account_address_and_logs_the_old_one(db):
    claire = make_member("claire", email="claire@example.org")

    run_migration_on([row(claire, "claire.dubois@interieur.example")])

    claire.refresh_from_db()
    assert claire.email == "claire.dubois@interieur.example"
    (entry,) = log_of(claire, audit.EMAIL_MERGED)
    assert entry.data == {
        "previous_email": "claire@example.org",
        "email": "claire.dubois@interieur.example",
    }
    assert entry.user is None
    assert migration.MERGED == audit.EMAIL_MERGED
    assert mail.outbox == []  # a migration emails nobody


def test_the_migration_keeps_the_account_address_when_another_account_uses_the_work_address(
    db,
):
    make_member("hans", state="DE", email="Shared@Gov.example")
    marc = make_member("marc", email="marc@example.org")

    run_migration_on([row(marc, "shared@gov.example")])

    marc.refresh_from_db()
    assert marc.email == "marc@example.org"
    (entry,) = log_of(marc, audit.EMAIL_MERGE_CONFLICT)
    assert entry.data == {"email": "marc@example.org", "dropped_work_email": "shared@gov.example"}
    assert migration.CONFLICT == audit.EMAIL_MERGE_CONFLICT


def test_the_migration_gives_one_work_address_to_the_first_profile_only(db):
    first = make_member("first", email="first@example.org")
    second = make_member("second", email="second@example.org")

    run_migration_on([row(second, "unit@gov.example"), row(first, "UNIT@gov.example")])

    assert User.objects.get(pk=first.pk).email == "UNIT@gov.example"
    assert User.objects.get(pk=second.pk).email == "second@example.org"
    assert log_of(second, audit.EMAIL_MERGE_CONFLICT).exists()


def test_the_migration_leaves_a_work_address_equal_to_the_account_address_alone(db):
    same = make_member("same", email="same@example.org")
    empty = make_member("empty", email="")

    run_migration_on([row(same, "SAME@example.org"), row(empty, "empty.work@example.org")])

    assert User.objects.get(pk=same.pk).email == "same@example.org"
    assert not ModelLogEntry.objects.filter(object_id=str(same.pk)).exists()
    assert User.objects.get(pk=empty.pk).email == "empty.work@example.org"


def test_the_work_email_field_is_gone():
    assert "work_email" not in {field.name for field in MemberProfile._meta.get_fields()}


# --- Readers use the one address ----------------------------------------------------


def test_a_convocation_goes_to_the_account_address(network):
    member = make_member("claire", email="claire.dubois@interieur.example")
    meeting = make_meeting(
        ensure_meetings_index(network),
        title="Thematic session",
        kind=MeetingKind.THEMATIC_SESSION,
        opening=days_from_today(30),
        invited=[member.member_profile],
        slug="thematic",
    )

    assert [invitee.email for invitee in invitees(meeting)] == ["claire.dubois@interieur.example"]


def test_the_directory_and_its_exports_show_the_account_address(network, focal_point):
    profile = MemberProfile.objects.select_related("user", "member_state").get(user=focal_point)
    focal_point.email = "one.address@interieur.example"
    focal_point.save()
    profile.user = focal_point

    assert "EMAIL;TYPE=INTERNET,WORK:one.address@interieur.example" in directory.vcard_for(profile)
    assert "one.address@interieur.example" in directory.csv_row(profile)


# --- The DMR's admin ------------------------------------------------------------------


def profile_data(profile, **extra) -> dict:
    return {
        "email": profile.user.email,
        "member_state": profile.member_state_id or "",
        "function": profile.function,
        "institution": profile.institution,
        "position": profile.position,
        "phone": profile.phone,
        "preferred_language": profile.preferred_language,
        "is_active": "on",
        **extra,
    }


def test_the_profile_form_shows_the_account_address_and_no_second_one(
    client, dmr_user, focal_point
):
    response = sign_in(client, dmr_user).get(
        reverse("member_profiles:edit", args=[focal_point.member_profile.pk])
    )

    form = response.context["form"]
    assert [name for name in form.fields if "email" in name] == ["email"]
    assert form["email"].value() == "fp_fr@example.org"
    assert "work email" not in response.content.decode().lower()


def test_the_dmr_changes_the_address_in_the_profile_audited_and_the_old_address_told(
    client, dmr_user, focal_point
):
    profile = focal_point.member_profile
    sign_in(client, dmr_user)
    mail.outbox.clear()

    response = client.post(
        reverse("member_profiles:edit", args=[profile.pk]),
        profile_data(profile, email="claire.dubois@interieur.example"),
    )

    assert response.status_code == 302
    focal_point.refresh_from_db()
    assert focal_point.email == "claire.dubois@interieur.example"
    (entry,) = log_of(focal_point, audit.EMAIL_CHANGED_BY_SECRETARIAT)
    assert entry.user_id == dmr_user.pk
    assert entry.data["previous_email"] == "fp_fr@example.org"
    (notice,) = mail.outbox
    assert notice.to == ["fp_fr@example.org"]
    assert "claire.dubois@interieur.example" in notice.body
    assert "The Secretariat made this change" in notice.body


def test_saving_a_profile_without_changing_the_address_tells_nobody(client, dmr_user, focal_point):
    profile = focal_point.member_profile
    sign_in(client, dmr_user)
    mail.outbox.clear()

    client.post(
        reverse("member_profiles:edit", args=[profile.pk]), profile_data(profile, phone="+33 1")
    )

    assert mail.outbox == []
    assert not log_of(focal_point, audit.EMAIL_CHANGED_BY_SECRETARIAT).exists()


def test_the_dmr_cannot_give_a_profile_another_accounts_address(
    client, dmr_user, focal_point, other_focal_point
):
    profile = focal_point.member_profile

    response = sign_in(client, dmr_user).post(
        reverse("member_profiles:edit", args=[profile.pk]),
        profile_data(profile, email="FP_DE@example.org"),
    )

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert User.objects.get(pk=focal_point.pk).email == "fp_fr@example.org"


def test_a_change_in_the_user_editor_is_audited_and_told_too(client, dmr_user, focal_point):
    sign_in(client, dmr_user)
    mail.outbox.clear()
    groups = [str(pk) for pk in focal_point.groups.values_list("pk", flat=True)]

    response = client.post(
        reverse("wagtailusers_users:edit", args=[focal_point.pk]),
        {
            "username": focal_point.username,
            "email": "new.fp@interieur.example",
            "first_name": focal_point.first_name,
            "last_name": focal_point.last_name,
            "is_active": "on",
            "groups": groups,
        },
    )

    assert response.status_code == 302
    assert User.objects.get(pk=focal_point.pk).email == "new.fp@interieur.example"
    assert log_of(focal_point, audit.EMAIL_CHANGED_BY_SECRETARIAT).exists()
    (notice,) = mail.outbox
    assert notice.to == ["fp_fr@example.org"]


def test_the_user_editor_refuses_another_accounts_address(
    client, dmr_user, focal_point, other_focal_point
):
    sign_in(client, dmr_user)

    response = client.post(
        reverse("wagtailusers_users:edit", args=[focal_point.pk]),
        {
            "username": focal_point.username,
            "email": "Fp_De@Example.org",
            "first_name": focal_point.first_name,
            "last_name": focal_point.last_name,
            "is_active": "on",
            "groups": [str(pk) for pk in focal_point.groups.values_list("pk", flat=True)],
        },
    )

    assert response.status_code == 200
    assert User.objects.get(pk=focal_point.pk).email == "fp_fr@example.org"


@pytest.mark.parametrize("kind", ["anonymous", "password_only", "focal_point"])
def test_only_the_dmr_reaches_the_profile_form(client, focal_point, dmr_user, kind):
    url = reverse("member_profiles:edit", args=[focal_point.member_profile.pk])
    if kind == "password_only":
        sign_in(client, dmr_user, verified=False)
    elif kind == "focal_point":
        sign_in(client, make_member("other_fp", groups=(roles.FOCAL_POINTS,), state="DE"))

    response = client.get(url)

    assert response.status_code in (302, 403)
    assert "fp_fr@example.org" not in response.content.decode()


def test_the_admin_account_page_does_not_change_the_address_unconfirmed(client, dmr_user):
    sign_in(client, dmr_user)

    html = client.get(reverse("wagtailadmin_account")).content.decode()
    client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Dmr",
            "name_email-last_name": "Staff",
            "name_email-email": "elsewhere@example.org",
        },
    )

    assert 'name="name_email-email"' not in html
    assert User.objects.get(pk=dmr_user.pk).email == "dmr@example.org"
