"""3.4: a state's Focal Points (and the DMR) keep its national migration network up to date."""

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError
from django.test import Client

from network_pages.directory_forms import NationalNetworkOrganisationForm
from network_pages.factories import make_member
from network_pages.models import NationalNetworkOrganisation
from tests.conftest import sign_in

from .conftest import directory_url

pytestmark = pytest.mark.django_db

ADD_FR = directory_url("state/FR/national-network/add/")
NEW_ORGANISATION = {
    "name": "France terre d'asile",
    "kind": NationalNetworkOrganisation.Kind.NON_GOVERNMENTAL,
    "contact_name": "Paul Petit",
    "contact_email": "paul.petit@ftda.example",
    "website": "https://www.ftda.example",
}


def edit_url(organisation, code: str = "FR") -> str:
    return directory_url(f"state/{code}/national-network/{organisation.pk}/edit/")


def delete_url(organisation, code: str = "FR") -> str:
    return directory_url(f"state/{code}/national-network/{organisation.pk}/delete/")


def snapshot() -> list[tuple]:
    return list(NationalNetworkOrganisation.objects.order_by("pk").values_list())


def test_each_state_lists_its_national_network(client, members, focal_point, red_cross, bamf):
    response = sign_in(client, focal_point).get(directory_url())

    by_state = {
        entry.state.code: entry.organisations for entry in response.context["directory"].states
    }
    assert by_state["FR"] == [red_cross]
    assert by_state["DE"] == [bamf]
    html = response.content.decode()
    assert "<caption>National migration network of France</caption>" in html
    assert '<th scope="row">Croix-Rouge française</th>' in html
    assert "<td>Non-governmental</td>" in html
    assert "<td>Lucie Martin</td>" in html
    assert 'href="mailto:lucie.martin@croix-rouge.example"' in html
    assert 'href="https://www.croix-rouge.example" rel="external noopener noreferrer"' in html


def test_focal_point_adds_an_organisation_to_their_states_network(client, focal_point, network):
    response = sign_in(client, focal_point).post(ADD_FR, NEW_ORGANISATION)

    assert response.status_code == 302
    assert response["Location"] == directory_url("#state-FR")
    organisation = NationalNetworkOrganisation.objects.get()
    assert organisation.member_state.code == "FR"
    assert organisation.name == "France terre d'asile"
    assert organisation.website == "https://www.ftda.example"
    assert organisation.updated_by == focal_point


def test_adding_an_organisation_confirms_it_after_the_redirect(client, focal_point, network):
    response = sign_in(client, focal_point).post(ADD_FR, NEW_ORGANISATION, follow=True)

    assert [str(message) for message in response.context["messages"]] == [
        "“France terre d'asile” was added to the national network."
    ]
    assert "“France terre d&#x27;asile” was added to the national network." in (
        response.content.decode()
    )


def test_deputy_may_keep_their_states_network(client, network):
    deputy = make_member("deputy_fr", state="FR", function="deputy")

    response = sign_in(client, deputy).post(ADD_FR, NEW_ORGANISATION)

    assert response.status_code == 302
    assert NationalNetworkOrganisation.objects.get().updated_by == deputy


def test_focal_point_edits_an_organisation_of_their_state(client, focal_point, red_cross):
    form = sign_in(client, focal_point).get(edit_url(red_cross))
    assert form.status_code == 200
    assert 'value="Croix-Rouge française"' in form.content.decode()

    response = client.post(edit_url(red_cross), {**NEW_ORGANISATION, "name": "Croix-Rouge"})

    assert response.status_code == 302
    red_cross.refresh_from_db()
    assert red_cross.name == "Croix-Rouge"
    assert red_cross.contact_name == "Paul Petit"
    assert red_cross.updated_by == focal_point
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["“Croix-Rouge” was updated."]


def test_delete_asks_for_confirmation_before_removing(client, focal_point, red_cross):
    page = sign_in(client, focal_point).get(delete_url(red_cross))

    assert page.status_code == 200
    html = page.content.decode()
    assert '<form method="post">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert NationalNetworkOrganisation.objects.filter(pk=red_cross.pk).exists()


def test_focal_point_removes_an_organisation_with_a_post(client, focal_point, red_cross):
    response = sign_in(client, focal_point).post(delete_url(red_cross))

    assert response.status_code == 302
    assert response["Location"] == directory_url("#state-FR")
    assert not NationalNetworkOrganisation.objects.filter(pk=red_cross.pk).exists()
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "“Croix-Rouge française” was removed from the national network."
    ]


def test_dmr_may_keep_any_states_network(client, dmr_user, red_cross, bamf):
    sign_in(client, dmr_user)

    added = client.post(directory_url("state/DE/national-network/add/"), NEW_ORGANISATION)
    edited = client.post(edit_url(red_cross), {**NEW_ORGANISATION, "name": "Croix-Rouge"})
    removed = client.post(delete_url(bamf, "DE"))

    assert [added.status_code, edited.status_code, removed.status_code] == [302, 302, 302]
    assert sorted(
        NationalNetworkOrganisation.objects.values_list("member_state__code", "name")
    ) == [("DE", "France terre d'asile"), ("FR", "Croix-Rouge")]


@pytest.mark.parametrize("who", ["other_focal_point", "approver"])
def test_focal_points_of_other_states_are_refused_and_nothing_changes(
    client, request, who, red_cross
):
    user = request.getfixturevalue(who)
    sign_in(client, user)
    before = snapshot()

    responses = [
        client.get(ADD_FR),
        client.post(ADD_FR, NEW_ORGANISATION),
        client.get(edit_url(red_cross)),
        client.post(edit_url(red_cross), {**NEW_ORGANISATION, "name": "Hijacked"}),
        client.get(delete_url(red_cross)),
        client.post(delete_url(red_cross)),
    ]

    assert [response.status_code for response in responses] == [403] * 6
    assert snapshot() == before


def test_inactive_focal_point_profile_may_not_keep_the_network(client, focal_point, network):
    focal_point.member_profile.is_active = False
    focal_point.member_profile.save()

    response = sign_in(client, focal_point).post(ADD_FR, NEW_ORGANISATION)

    assert response.status_code == 403
    assert not NationalNetworkOrganisation.objects.exists()


def test_edit_links_are_offered_only_to_those_who_may_keep_the_network(
    client, focal_point, other_focal_point, red_cross
):
    own = sign_in(client, focal_point).get(directory_url()).content.decode()
    client.logout()
    other = sign_in(client, other_focal_point).get(directory_url()).content.decode()

    for url in (ADD_FR, edit_url(red_cross), delete_url(red_cross)):
        assert f'href="{url}"' in own
        assert f'href="{url}"' not in other
    assert f'href="{directory_url("state/DE/national-network/add/")}"' in other


def test_organisation_of_another_state_is_not_found_under_this_one(client, focal_point, bamf):
    sign_in(client, focal_point)

    assert client.get(edit_url(bamf, "FR")).status_code == 404
    assert client.post(delete_url(bamf, "FR")).status_code == 404
    assert NationalNetworkOrganisation.objects.filter(pk=bamf.pk).exists()


def test_unknown_state_is_not_found(client, focal_point, network):
    response = sign_in(client, focal_point).get(directory_url("state/XX/national-network/add/"))

    assert response.status_code == 404


def test_duplicate_name_in_a_state_is_a_form_error(client, focal_point, red_cross):
    response = sign_in(client, focal_point).post(
        ADD_FR, {**NEW_ORGANISATION, "name": "croix-rouge française"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "The national network of France already lists an organisation of this name."
    ]
    assert NationalNetworkOrganisation.objects.count() == 1


def test_renaming_onto_another_organisations_name_is_a_form_error(client, focal_point, red_cross):
    other = NationalNetworkOrganisation.objects.create(
        member_state=red_cross.member_state, name="UNHCR France", kind="international"
    )

    response = sign_in(client, focal_point).post(
        edit_url(other), {**NEW_ORGANISATION, "name": red_cross.name}
    )

    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    other.refresh_from_db()
    assert other.name == "UNHCR France"


def test_same_name_in_another_states_network_is_allowed(client, dmr_user, red_cross):
    response = sign_in(client, dmr_user).post(
        directory_url("state/DE/national-network/add/"),
        {**NEW_ORGANISATION, "name": red_cross.name},
    )

    assert response.status_code == 302
    assert NationalNetworkOrganisation.objects.filter(name=red_cross.name).count() == 2


def test_duplicate_caught_by_the_database_is_a_form_error_not_a_500(
    client, focal_point, red_cross, monkeypatch
):
    # Two people saving at once: the form's own check passes, the database refuses.
    monkeypatch.setattr(
        NationalNetworkOrganisationForm, "clean_name", lambda form: form.cleaned_data["name"]
    )

    response = sign_in(client, focal_point).post(
        ADD_FR, {**NEW_ORGANISATION, "name": red_cross.name}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "The national network of France already lists an organisation of this name."
    ]
    assert NationalNetworkOrganisation.objects.count() == 1


def test_unique_constraint_is_what_the_form_error_stands_for(red_cross):
    with pytest.raises(IntegrityError):
        NationalNetworkOrganisation.objects.create(
            member_state=red_cross.member_state, name=red_cross.name, kind="governmental"
        )


def test_invalid_input_is_kept_and_explained_in_the_readers_language(client, focal_point, network):
    response = sign_in(client, focal_point).post(
        directory_url("state/FR/national-network/add/", language="fr"),
        {**NEW_ORGANISATION, "contact_email": "not-an-email", "kind": ""},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="France terre d&#x27;asile"' in html
    assert 'value="not-an-email"' in html
    assert "Saisissez une adresse de courriel valide." in html
    assert set(response.context["form"].errors) == {"contact_email", "kind"}
    assert 'role="alert"' in html
    assert not NationalNetworkOrganisation.objects.exists()


def test_organisation_forms_are_csrf_protected(focal_point, red_cross):
    client = sign_in(Client(enforce_csrf_checks=True), focal_point)
    before = snapshot()

    responses = [
        client.post(ADD_FR, NEW_ORGANISATION),
        client.post(edit_url(red_cross), {**NEW_ORGANISATION, "name": "Changed"}),
        client.post(delete_url(red_cross)),
    ]

    assert [response.status_code for response in responses] == [403] * 3
    assert snapshot() == before
