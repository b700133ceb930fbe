"""The directory's blocks, written in Python:

{% load directory_rows %}
{% directory_states entries %}
{% directory_people people caption %}

Same markup as the templates they replace (directory/_state.html with its includes of
_people.html and _national_network.html): at network size the directory's page wrote its
member states and their people through the template engine, a include per state and a loop
per person, some 60 % of the page's time (issue 17). Every value is plain text, escaped as
Django's `escape` does (the standard library's `html.escape`, quotes included); who sees
what is unchanged: the actions on a national network for the states in
`manageable_state_ids` only, as the template decided. `tests/network_pages/directory/
test_rows_markup.py` compares both, byte for byte, in English and French, for a Focal Point
and the DMR."""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from network_pages.directory import StateEntry
from network_pages.models.member_profile import MemberProfile
from network_pages.models.national_network import NationalNetworkOrganisation

register = template.Library()


class _Words:
    """What every block writes the same, translated once per page. As the templates'
    `{% translate "…" %}` of a literal (safe, so not escaped) and `{% blocktranslate %}`
    (its words as translated, the values escaped)."""

    def __init__(self) -> None:
        self.scrolls = gettext("Table (scrolls sideways on small screens)")
        self.name = gettext("Name")
        self.function = gettext("Function")
        self.institution = gettext("Institution")
        self.position = gettext("Position")
        self.email = gettext("Email")
        self.phone = gettext("Phone")
        self.contact_card = gettext("Contact card")
        self.focal_points_of = gettext("Focal Points of %(state)s")
        self.no_focal_point = gettext("No Focal Point is listed for this member state.")
        self.national_network = gettext("National migration network")
        self.national_network_of = gettext("National migration network of %(state)s")
        self.organisation = gettext("Organisation")
        self.kind = gettext("Kind")
        self.contact_person = gettext("Contact person")
        self.contact_email = gettext("Contact email")
        self.website = gettext("Website")
        self.actions = gettext("Actions")
        self.edit = gettext("Edit")
        self.remove = gettext("Remove")
        self.no_organisation = gettext("No organisation is listed yet.")
        self.add_organisation_to = gettext(
            "Add an organisation to the national network of %(state)s"
        )


def _person(person: MemberProfile) -> str:
    name = escape(person.display_name)
    email = person.user.email
    mail = f'<a href="mailto:{escape(email)}">{escape(email)}</a>' if email else ""
    return (
        "\n        <tr>\n"
        f'            <th scope="row">{name}</th>\n'
        f"            <td>{escape(person.function_label)}</td>\n"
        f"            <td>{escape(person.institution)}</td>\n"
        f"            <td>{escape(person.position)}</td>\n"
        f"            <td>{mail}</td>\n"
        f"            <td>{escape(person.phone)}</td>\n"
        f'            <td><a href="{escape(person.vcard_url)}" download>vCard'
        f'<span class="visually-hidden"> – {name}</span></a></td>\n'
        "        </tr>\n    "
    )


def _people(people: list[MemberProfile], caption: str, words: _Words) -> str:
    """As directory/_people.html; `caption` is markup (already escaped)."""
    rows = "".join(_person(person) for person in people)
    return (
        f'<div class="table-scroll" role="region" tabindex="0" aria-label="{words.scrolls}">'
        '<table class="directory-people">\n'
        f"    <caption>{caption}</caption>\n"
        "    <thead>\n"
        "        <tr>\n"
        f'            <th scope="col">{words.name}</th>\n'
        f'            <th scope="col">{words.function}</th>\n'
        f'            <th scope="col">{words.institution}</th>\n'
        f'            <th scope="col">{words.position}</th>\n'
        f'            <th scope="col">{words.email}</th>\n'
        f'            <th scope="col">{words.phone}</th>\n'
        f'            <th scope="col">{words.contact_card}</th>\n'
        "        </tr>\n"
        "    </thead>\n"
        "    <tbody>\n    "
        f"{rows}\n"
        "    </tbody>\n"
        "</table></div>\n"
    )


def _organisation(organisation: NationalNetworkOrganisation, manages: bool, words: _Words) -> str:
    name = escape(organisation.name)
    contact_email = escape(organisation.contact_email)
    website = escape(organisation.website)
    mail = f'<a href="mailto:{contact_email}">{contact_email}</a>' if contact_email else ""
    link = (
        f'<a href="{website}" rel="external noopener noreferrer">{website}</a>' if website else ""
    )
    actions = ""
    if manages:
        actions = (
            "\n                <td>\n"
            f'                    <a href="{escape(organisation.edit_url)}">{words.edit}'
            f'<span class="visually-hidden"> {name}</span></a>\n'
            f'                    <a href="{escape(organisation.delete_url)}">{words.remove}'
            f'<span class="visually-hidden"> {name}</span></a>\n'
            "                </td>\n                "
        )
    return (
        "\n            <tr>\n"
        f'                <th scope="row">{name}</th>\n'
        f"                <td>{escape(organisation.kind_label)}</td>\n"
        f"                <td>{escape(organisation.contact_name)}</td>\n"
        f"                <td>{mail}</td>\n"
        f"                <td>{link}</td>\n"
        f"                {actions}\n"
        "            </tr>\n        "
    )


def _national_network(entry: StateEntry, is_search: bool, manages: bool, words: _Words) -> str:
    """As directory/_national_network.html (its final newline included)."""
    if not (entry.organisations or not is_search or manages):
        return "\n"
    state = entry.state
    code = escape(state.code)
    state_name = escape(state.name)
    if entry.organisations:
        actions = f'<th scope="col">{words.actions}</th>' if manages else ""
        rows = "".join(
            _organisation(organisation, manages, words) for organisation in entry.organisations
        )
        caption = words.national_network_of % {"state": state_name}
        listing = (
            "\n    "
            f'<div class="table-scroll" role="region" tabindex="0" aria-label="{words.scrolls}">'
            '<table class="national-network-organisations">\n'
            f"        <caption>{caption}</caption>\n"
            "        <thead>\n"
            "            <tr>\n"
            f'                <th scope="col">{words.organisation}</th>\n'
            f'                <th scope="col">{words.kind}</th>\n'
            f'                <th scope="col">{words.contact_person}</th>\n'
            f'                <th scope="col">{words.contact_email}</th>\n'
            f'                <th scope="col">{words.website}</th>\n'
            f"                {actions}\n"
            "            </tr>\n"
            "        </thead>\n"
            "        <tbody>\n        "
            f"{rows}\n"
            "        </tbody>\n"
            "    </table></div>\n    "
        )
    elif not is_search:
        listing = f"\n    <p>{words.no_organisation}</p>\n    "
    else:
        listing = ""
    add = ""
    if manages:
        label = words.add_organisation_to % {"state": state_name}
        add = f'\n    <p><a href="{escape(entry.add_organisation_url)}">{label}</a></p>\n    '
    return (
        "\n"
        f'<section class="national-network" aria-labelledby="state-{code}-network-heading">\n'
        f'    <h3 id="state-{code}-network-heading">{words.national_network}</h3>\n'
        f"    {listing}\n"
        f"    {add}\n"
        "</section>\n\n"
    )


def _state(entry: StateEntry, is_search: bool, manages: bool, words: _Words) -> str:
    """As directory/_state.html."""
    code = escape(entry.state.code)
    state_name = escape(entry.state.name)
    if entry.members:
        caption = words.focal_points_of % {"state": state_name}
        members = f"\n        \n        {_people(entry.members, caption, words)}\n    "
    elif not is_search:
        members = f"\n        <p>{words.no_focal_point}</p>\n    "
    else:
        members = ""
    return (
        f'<section class="directory-state" id="state-{code}" '
        f'aria-labelledby="state-{code}-heading">\n'
        f'    <h2 id="state-{code}-heading">{state_name}</h2>\n'
        f"    {members}\n"
        f"    {_national_network(entry, is_search, manages, words)}\n"
        "</section>\n"
    )


@register.simple_tag(takes_context=True)
def directory_states(context, entries: list[StateEntry]) -> SafeString:
    """`{% for entry in entries %}{% include "directory/_state.html" %}{% endfor %}`, with the
    context's `is_search` and `manageable_state_ids` (the states whose national network this
    reader may keep)."""
    words = _Words()
    is_search = bool(context.get("is_search"))
    manageable = context.get("manageable_state_ids") or ()
    return mark_safe(  # noqa: S308 - escaped by _state
        "".join(_state(entry, is_search, entry.state.pk in manageable, words) for entry in entries)
    )


@register.simple_tag
def directory_people(people: list[MemberProfile], caption: str) -> SafeString:
    """`{% include "directory/_people.html" with people=people caption=caption %}`; the
    caption is escaped unless it is markup already."""
    caption = caption if isinstance(caption, SafeString) else escape(caption)
    return mark_safe(_people(people, caption, _Words()))  # noqa: S308 - escaped by _people
