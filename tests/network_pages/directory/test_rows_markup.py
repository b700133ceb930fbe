"""The directory's blocks written in Python (`network_pages/templatetags/directory_rows.py`)
are, byte for byte, what the templates they replaced wrote (issue 17): for a Focal Point and
the DMR (who may keep every state's national network, so sees its actions), in English and
French, listing or searching, with values to escape and fields left empty. Who sees what is
therefore what they saw before."""

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.template import Context, Engine, engines
from django.utils import translation

from network_pages.directory import StateEntry
from network_pages.factories import make_member
from network_pages.models import MemberProfile, MemberState, NationalNetworkOrganisation
from tests.conftest import sign_in

from .conftest import directory_url

pytestmark = pytest.mark.django_db

# directory/_state.html, _people.html and _national_network.html as they were before the
# blocks were written in Python (main at 49d9c2d), verbatim, under their old names.
BEFORE = Path(__file__).parent / "before_rows"
OLD_ENGINE = Engine(
    loaders=[
        (
            "django.template.loaders.locmem.Loader",
            {
                f"network_pages/directory/{name}": (BEFORE / name).read_text()
                for name in ("_state.html", "_people.html", "_national_network.html")
            },
        )
    ],
    libraries={"i18n": "django.templatetags.i18n"},
)
# The loops of directory_page.html that included them.
OLD_STATES = (
    '{% for entry in entries %}{% include "network_pages/directory/_state.html" %}{% endfor %}'
)
NEW_STATES = "{% load directory_rows %}{% directory_states entries %}"
OLD_SECRETARIAT = (
    '{% load i18n %}{% translate "DMR Secretariat" as caption %}'
    '{% include "network_pages/directory/_people.html" with people=people caption=caption %}'
)
NEW_SECRETARIAT = (
    '{% load i18n directory_rows %}{% translate "DMR Secretariat" as caption %}'
    "{% directory_people people caption %}"
)

HOSTILE = '<script>alert("x")</script> & l\'été'


def by_the_old_templates(source: str, context: dict) -> str:
    return OLD_ENGINE.from_string(source).render(Context(context))


def by_the_rows(source: str, context: dict) -> str:
    return engines["django"].from_string(source).render(context)


def assert_written_as_before(context: dict, language: str) -> str:
    with translation.override(language):
        expected = by_the_old_templates(OLD_STATES, context)
        assert by_the_rows(NEW_STATES, context) == expected
        secretariat = {"people": context.get("people", [])}
        assert by_the_rows(NEW_SECRETARIAT, secretariat) == by_the_old_templates(
            OLD_SECRETARIAT, secretariat
        )
    return expected


# --- made blocks: every branch of the templates --------------------------------------


def made_person(pk: int, *, first_name: str, email: str, **fields) -> MemberProfile:
    person = MemberProfile(
        pk=pk,
        user=User(pk=pk, username=f"user{pk}", first_name=first_name, email=email),
        **fields,
    )
    person.vcard_url = f"/en/network/directory/person/{pk}/vcard/?a=1&b=<2>"
    person.function_label = 'Focal "Point" & <deputy>'
    return person


def made_entries() -> list[StateEntry]:
    """A state with everything filled with text to escape; one with empty fields; one with
    nobody and nothing listed."""
    hostile_state = MemberState(pk=901, code='X"&', name_en=HOSTILE, name_fr="É" + HOSTILE)
    everything = StateEntry(
        state=hostile_state,
        members=[
            made_person(
                1,
                first_name=HOSTILE,
                email='a&b"<c>@example.org',
                institution=HOSTILE,
                position="Head & <chief>",
                phone="+33 <1> & 2",
            )
        ],
        organisations=[
            NationalNetworkOrganisation(
                pk=7,
                name=HOSTILE,
                contact_name="O'Brien & Co",
                contact_email='o"brien@example.org',
                website='https://example.org/?a=1&b="2"',
            )
        ],
    )
    everything.add_organisation_url = "/add/?state=X&x=<y>"
    for organisation in everything.organisations:
        organisation.kind_label = "Non-governmental & <other>"
        organisation.edit_url = "/edit/7/?a=1&b=2"
        organisation.delete_url = '/delete/7/?a="1"'
    empty_fields = StateEntry(
        state=MemberState(pk=902, code="YY", name_en="Empty", name_fr="Vide"),
        members=[made_person(2, first_name="", email="", institution="", position="", phone="")],
        organisations=[
            NationalNetworkOrganisation(
                pk=8, name="Bare", contact_name="", contact_email="", website=""
            )
        ],
    )
    empty_fields.add_organisation_url = "/add/YY/"
    for organisation in empty_fields.organisations:
        organisation.kind_label = ""
        organisation.edit_url = "/edit/8/"
        organisation.delete_url = "/delete/8/"
    nobody = StateEntry(
        state=MemberState(pk=903, code="ZZ", name_en="Nobody", name_fr="Personne"),
        members=[],
        organisations=[],
    )
    nobody.add_organisation_url = "/add/ZZ/"
    return [everything, empty_fields, nobody]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("is_search", [False, True])
@pytest.mark.parametrize("manageable", [set(), {901, 903}, {901, 902, 903}])
def test_made_blocks_are_written_as_the_templates_wrote_them(language, is_search, manageable):
    entries = made_entries()
    context = {
        "entries": entries,
        "is_search": is_search,
        "manageable_state_ids": manageable,
        "people": entries[0].members + entries[1].members,
    }

    html = assert_written_as_before(context, language)

    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l&#x27;été" in html


def test_a_state_no_reader_may_keep_shows_no_actions():
    context = {"entries": made_entries(), "is_search": False, "manageable_state_ids": set()}

    html = by_the_rows(NEW_STATES, context)

    assert "/edit/" not in html
    assert "/delete/" not in html
    assert "/add/" not in html


# --- the directory's pages as each reader is served them -----------------------------


@pytest.fixture
def hostile_listing(members, red_cross, bamf, france):
    make_member(
        "hostile",
        state="FR",
        function="deputy",
        first_name=HOSTILE,
        last_name="O'Brien & <Co>",
        email="",
        institution="",
        phone="",
    )
    NationalNetworkOrganisation.objects.create(
        member_state=france,
        name=HOSTILE,
        kind=NationalNetworkOrganisation.Kind.GOVERNMENTAL,
        website="https://example.org/?a=1&b=2",
    )


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("reader", ["focal_point", "dmr_user"])
@pytest.mark.parametrize("query", [{}, {"q": "o"}, {"state": "FR"}, {"state": "IS"}])
def test_a_readers_directory_is_written_as_the_templates_wrote_it(
    client, hostile_listing, request, reader, language, query
):
    sign_in(client, request.getfixturevalue(reader))
    response = client.get(directory_url(language=language), query)
    context = response.context
    directory = context["directory"]
    entries = directory.states_with_entries if context["pagination"] else directory.states
    assert entries

    expected = assert_written_as_before(
        {
            "entries": entries,
            "is_search": context["is_search"],
            "manageable_state_ids": context["manageable_state_ids"],
            "people": directory.secretariat,
        },
        language,
    )

    assert expected in response.content.decode()
