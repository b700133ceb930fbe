"""The network area's addresses in each language (issue 15): `/fr/reseau/reunions/`, not
`/fr/network/meetings/`.

The area's own section pages (created by `setup_site`, translated by `section_translations`)
carry a slug in each language; so do the area's views that are not pages (the members'
search, the register, the date polls), through URL patterns that follow the active
language. Member-written pages below the sections keep the slug they were written with.

The French addresses with the English slugs, which were the area's addresses until then,
redirect permanently to the French ones. The redirect is a rewriting of the path by this
table alone: it reads no page and answers the same whether the rest of the path names a
page or not, so that it tells nobody what exists (the page it leads to then decides).
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils.functional import lazy
from django.utils.translation import get_language

# Page type of each section: its slug in English (where the area is written) and in French.
SECTION_SLUGS: dict[str, dict[str, str]] = {
    "network_pages.NetworkHomePage": {"en": "network", "fr": "reseau"},
    "network_pages.DirectoryPage": {"en": "directory", "fr": "annuaire"},
    "meetings.MeetingIndexPage": {"en": "meetings", "fr": "reunions"},
    "information.InformationRequestIndexPage": {
        "en": "information-requests",
        "fr": "demandes-d-information",
    },
    "information.InformationItemIndexPage": {
        "en": "information",
        "fr": "informations-et-bonnes-pratiques",
    },
    "community.ThematicGroupIndexPage": {"en": "thematic-groups", "fr": "groupes-thematiques"},
    "community.RapporteurListPage": {"en": "rapporteurs", "fr": "rapporteurs"},
    "community.WorkingMethodsPage": {"en": "working-methods", "fr": "methodes-de-travail"},
    "publication_drafts.PublicationDraftsPage": {
        "en": "publication-drafts",
        "fr": "projets-de-publication",
    },
}
ROOT_TYPE = "network_pages.NetworkHomePage"

# The area's views that are not pages (Django URL patterns below the network root).
VIEW_SLUGS: dict[str, dict[str, str]] = {
    "search": {"en": "search", "fr": "recherche"},
    "register": {"en": "register", "fr": "registre"},
    "date-polls": {"en": "date-polls", "fr": "sondages-de-dates"},
    "library": {"en": "library", "fr": "bibliotheque"},
}


def section_slug(page_type: str, language: str) -> str:
    """The slug of a section page (by its type's label) in `language`."""
    slugs = SECTION_SLUGS[page_type]
    return slugs.get(language, slugs[settings.LANGUAGE_CODE])


def root_slug(language: str) -> str:
    return section_slug(ROOT_TYPE, language)


def network_path(language: str, *page_types: str) -> str:
    """`/fr/reseau/reunions/`: the root, then the sections named, in `language` (no query)."""
    slugs = [root_slug(language), *(section_slug(label, language) for label in page_types)]
    return f"/{language}/" + "".join(f"{slug}/" for slug in slugs)


def _view_route(view: str, rest: str) -> str:
    language = get_language() or settings.LANGUAGE_CODE
    slugs = VIEW_SLUGS[view]
    return f"{root_slug(language)}/{slugs.get(language, slugs[settings.LANGUAGE_CODE])}/{rest}"


_lazy_view_route = lazy(_view_route, str)


def view_route(view: str, rest: str = "") -> str:
    """A URL pattern route for one of the area's views, in the active language (Django
    compiles a lazy route once per language): `view_route("search")` is `network/search/`
    in English and `reseau/recherche/` in French."""
    return _lazy_view_route(view, rest)


def _english_to_french() -> dict[str, str]:
    """Second path segment: an English section or view slug to its French one."""
    table = {**SECTION_SLUGS, **VIEW_SLUGS}
    return {slugs["en"]: slugs.get("fr", slugs["en"]) for slugs in table.values()}


ENGLISH_TO_FRENCH = _english_to_french()
OLD_FRENCH_ROOT = f"/fr/{root_slug('en')}"


def french_path_for(path: str) -> str | None:
    """The French-slug path for an old `/fr/network/...` path (rest kept), else None."""
    if path != OLD_FRENCH_ROOT and not path.startswith(OLD_FRENCH_ROOT + "/"):
        return None
    segments = path[len(OLD_FRENCH_ROOT) :].split("/")
    # segments[0] is "" (the slash after the root); segments[1] names a section or view.
    if len(segments) > 1 and segments[1] in ENGLISH_TO_FRENCH:
        segments[1] = ENGLISH_TO_FRENCH[segments[1]]
    return f"/fr/{root_slug('fr')}" + "/".join(segments)


class OldFrenchAddressesMiddleware:
    """`/fr/network/meetings/x/?a=b` → 301 `/fr/reseau/reunions/x/?a=b` (308 for a form
    posted to an old address, so that what was sent is not lost on the way)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        target = french_path_for(request.path_info)
        if target is None:
            return self.get_response(request)
        query = request.META.get("QUERY_STRING", "")
        location = f"{request.META.get('SCRIPT_NAME', '').rstrip('/')}{target}"
        if query:
            location += f"?{query}"
        response = HttpResponsePermanentRedirect(location)
        if request.method not in ("GET", "HEAD"):
            response.status_code = 308
        return response


def localized(path: str) -> str:
    """A path written with the English slugs, as the language of its prefix has it
    (`/fr/network/meetings/` → `/fr/reseau/reunions/`; an English path is itself)."""
    return french_path_for(path) or path
