"""4.8: thematic rapporteurs, appointed on a voluntary basis for a term, with or without a
thematic group; the network area lists the current ones."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from network_pages.community.models import Rapporteur
from tests.conftest import sign_in

from .conftest import count_queries, url_of

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def term(user, *, group=None, theme="", start=TODAY, end=None, volunteered=True):
    return Rapporteur(
        user=user,
        thematic_group=group,
        theme=theme,
        start_date=start,
        end_date=end,
        volunteered=volunteered,
    )


def test_a_rapporteur_is_appointed_only_if_they_volunteered(group, focal_point):
    with pytest.raises(ValidationError) as refused:
        term(focal_point, group=group, volunteered=False).full_clean()

    assert "volunteered" in refused.value.message_dict


def test_a_rapporteur_without_a_group_needs_a_theme(focal_point):
    with pytest.raises(ValidationError) as refused:
        term(focal_point).full_clean()

    assert "theme" in refused.value.message_dict
    term(focal_point, theme="Statelessness").full_clean()


def test_a_term_cannot_end_before_it_starts(focal_point):
    appointment = term(
        focal_point, theme="Returns", start=TODAY, end=TODAY - datetime.timedelta(days=1)
    )

    with pytest.raises(ValidationError):
        appointment.full_clean()
    with pytest.raises(IntegrityError):
        appointment.save()


def test_overlapping_terms_on_the_same_subject_are_refused(group, focal_point):
    term(focal_point, group=group, start=TODAY, end=TODAY.replace(month=12)).save()

    overlapping = term(focal_point, group=group, start=TODAY.replace(month=11))
    later = term(focal_point, group=group, start=TODAY.replace(year=2027))

    with pytest.raises(ValidationError) as refused:
        overlapping.full_clean()
    assert "start_date" in refused.value.message_dict
    later.full_clean()


def test_current_terms_are_those_running_today(group, focal_point, other_focal_point, approver):
    running = term(focal_point, group=group, start=TODAY, end=TODAY)
    open_ended = term(other_focal_point, theme="Statelessness", start=TODAY.replace(year=2025))
    past = term(
        approver,
        theme="Returns",
        start=TODAY.replace(year=2025),
        end=TODAY.replace(day=1) - datetime.timedelta(days=1),
    )
    future = term(approver, theme="Integration", start=TODAY + datetime.timedelta(days=1))
    Rapporteur.objects.bulk_create([running, open_ended, past, future])

    current = Rapporteur.objects.current(TODAY)

    assert {r.theme or r.thematic_group.title for r in current} == {group.title, "Statelessness"}


def test_the_list_shows_current_rapporteurs_with_and_without_a_group(
    client, community, group, focal_point, other_focal_point, approver
):
    today = timezone.localdate()
    Rapporteur.objects.bulk_create(
        [
            term(focal_point, group=group, start=today),
            term(other_focal_point, theme="Statelessness", start=today),
            term(
                approver,
                theme="A past theme",
                start=today.replace(year=2020),
                end=today.replace(year=2021),
            ),
        ]
    )

    html = sign_in(client, focal_point).get(url_of(community["rapporteurs"])).content.decode()

    assert group.title in html
    assert "Statelessness" in html
    assert "A past theme" not in html


def test_the_list_costs_the_same_queries_for_many_rapporteurs(
    client, community, group, focal_point, other_focal_point, approver
):
    today = timezone.localdate()
    page = url_of(community["rapporteurs"])
    term(focal_point, group=group, start=today).save()
    sign_in(client, focal_point).get(page)
    queries = count_queries(client, page)

    Rapporteur.objects.bulk_create(
        [term(other_focal_point, theme=f"Theme {n}", start=today) for n in range(10)]
        + [term(approver, group=group, start=today)]
    )

    assert count_queries(client, page) == queries


def test_dmr_appoints_a_rapporteur_in_the_admin(client, group, focal_point, dmr_user):
    response = sign_in(client, dmr_user).post(
        reverse("thematic_rapporteurs:add"),
        {
            "user": focal_point.pk,
            "thematic_group": group.pk,
            "theme": "",
            "start_date": "2026-01-01",
            "end_date": "2027-12-31",
            "volunteered": "on",
        },
    )

    appointment = Rapporteur.objects.get()
    assert response.status_code == 302
    assert (appointment.user, appointment.thematic_group_id, appointment.appointed_by) == (
        focal_point,
        group.pk,
        dmr_user,
    )


def test_only_focal_points_are_appointed(client, dmr_user):
    response = sign_in(client, dmr_user).post(
        reverse("thematic_rapporteurs:add"),
        {"user": dmr_user.pk, "theme": "Returns", "start_date": "2026-01-01", "volunteered": "on"},
    )

    assert "user" in response.context["form"].errors
    assert not Rapporteur.objects.exists()


def test_the_french_list_links_to_the_french_group_pages(client, community, group, focal_point):
    Rapporteur.objects.bulk_create([term(focal_point, group=group, start=timezone.localdate())])
    french_list = community["rapporteurs"].get_translation(Locale.objects.get(language_code="fr"))
    french_group = group.get_translation(Locale.objects.get(language_code="fr"))

    html = sign_in(client, focal_point).get(french_list.url).content.decode()

    assert f'<a href="{french_group.url}">' in html
    assert french_group.url.startswith("/fr/")
