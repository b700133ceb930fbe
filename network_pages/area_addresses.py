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

from home.public_addresses import french_public_path_for

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


# The parts of the addresses below a page (its routable sub-views: `history/`,
# `responses/FR/`, `comments/12/edit/`) and below the area's views (`bibliotheque/add/`), in
# French. Parts not listed (`csv`, `vcard`, `compilation`, ids and state codes) are the same
# in both languages. No French part is also an English one, so a path translates both ways.
SUB_PATH_SLUGS: dict[str, dict[str, str]] = {
    # working methods
    "history": {"fr": "historique"},
    # thematic groups
    "join": {"fr": "rejoindre"},
    "leave": {"fr": "quitter"},
    # members' comments (any commentable page)
    "comments": {"fr": "commentaires"},
    "reply": {"fr": "repondre"},
    "edit": {"fr": "modifier"},
    "delete": {"fr": "supprimer"},
    "hide": {"fr": "masquer"},
    "restore": {"fr": "retablir"},
    # meetings
    "suggest": {"fr": "suggerer"},
    "attendance": {"fr": "presence"},
    "calendar": {"fr": "calendrier"},
    # directory
    "person": {"fr": "personne"},
    "export": {"fr": "exporter"},
    "state": {"fr": "etat"},
    "national-network": {"fr": "reseau-national"},
    "add": {"fr": "ajouter"},
    # information requests and items
    "response": {"fr": "reponse"},
    "responses": {"fr": "reponses"},
    "submit": {"fr": "proposer"},
    # the library's and the register's views
    "meetings": {"fr": "reunions"},
    "groups": {"fr": "groupes"},
    "policy": {"fr": "regles"},
    "documents": {"fr": "documents"},
    "versions": {"fr": "versions"},
    "preview": {"fr": "apercu"},
    "actions": {"fr": "actions"},
    "progress": {"fr": "avancement"},
}


def _sub_path_tables() -> dict[str, dict[str, str]]:
    """{language: {a part in any language: the part in this one}}."""
    tables: dict[str, dict[str, str]] = {code: {} for code, _name in settings.LANGUAGES}
    for english, others in SUB_PATH_SLUGS.items():
        forms = {settings.LANGUAGE_CODE: english, **others}
        for language, table in tables.items():
            target = forms.get(language, english)
            for form in forms.values():
                table[form] = target
    return tables


SUB_PATH_TABLES = _sub_path_tables()


def sub_path_in(sub_path: str, language: str) -> str:
    """A path below a page or view with its parts in `language` (`history/` → `historique/`
    in French, and back in English); ids, codes and unknown parts are kept."""
    table = SUB_PATH_TABLES.get(language)
    if not table or not sub_path:
        return sub_path
    path, _hash, fragment = sub_path.partition("#")
    path, _question, query = path.partition("?")
    translated = "/".join(table.get(part, part) for part in path.split("/"))
    if _question:
        translated += f"?{query}"
    if _hash:
        translated += f"#{fragment}"
    return translated


def sub_path_parts(language: str | None = None) -> dict[str, str]:
    """{English part: the part in `language` (default: the active one)}, for templates that
    write sub-paths themselves (a comment listing writes `{{ parts.reply }}`)."""
    table = SUB_PATH_TABLES.get(language or get_language() or settings.LANGUAGE_CODE, {})
    return {english: table.get(english, english) for english in SUB_PATH_SLUGS}


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
    view_slug = slugs.get(language, slugs[settings.LANGUAGE_CODE])
    return f"{root_slug(language)}/{view_slug}/{sub_path_in(rest, language)}"


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


FRENCH_ROOT = f"/fr/{root_slug('fr')}"
FRENCH_VIEW_SLUGS = frozenset(slugs["fr"] for slugs in VIEW_SLUGS.values() if "fr" in slugs)


def french_path_for(path: str) -> str | None:
    """The French-slug path for an old `/fr/network/...` path (rest kept), or for a French
    view's path with English parts (`/fr/reseau/bibliotheque/add/`), else None."""
    if path.startswith(FRENCH_ROOT + "/"):
        # Below the area's views (not pages: no member-written slug), every part is ours.
        view, _slash, rest = path[len(FRENCH_ROOT) + 1 :].partition("/")
        if view in FRENCH_VIEW_SLUGS and sub_path_in(rest, "fr") != rest:
            return f"{FRENCH_ROOT}/{view}/{sub_path_in(rest, 'fr')}"
        return None
    if path != OLD_FRENCH_ROOT and not path.startswith(OLD_FRENCH_ROOT + "/"):
        return None
    segments = path[len(OLD_FRENCH_ROOT) :].split("/")
    # segments[0] is "" (the slash after the root); segments[1] names a section or view.
    if len(segments) > 1 and segments[1] in ENGLISH_TO_FRENCH:
        is_view = segments[1] in VIEW_SLUGS
        segments[1] = ENGLISH_TO_FRENCH[segments[1]]
        if is_view and len(segments) > 2:
            segments[2:] = sub_path_in("/".join(segments[2:]), "fr").split("/")
    return FRENCH_ROOT + "/".join(segments)


class OldFrenchAddressesMiddleware:
    """`/fr/network/meetings/x/?a=b` → 301 `/fr/reseau/reunions/x/?a=b` (308 for a form
    posted to an old address, so that what was sent is not lost on the way)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The public section's old French addresses too (`/fr/news/` → `/fr/actualites/`).
        target = french_path_for(request.path_info) or french_public_path_for(request.path_info)
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
    (`/fr/network/meetings/x/attendance/` → `/fr/reseau/reunions/x/presence/`; an English
    path is itself). For tests and scripts: the parts below the section are translated
    wherever they are in `SUB_PATH_SLUGS`, which a page's own slug could also be."""
    french = french_path_for(path)
    if french is None:
        return path
    head = f"/fr/{root_slug('fr')}/"
    section, _slash, rest = french[len(head) :].partition("/")
    if not _slash:
        return french
    return f"{head}{section}/{sub_path_in(rest, 'fr')}"


def _redirect_to_canonical(request: HttpRequest, sub_path: str, canonical: str) -> HttpResponse:
    """The same page at its sub-path in the request's language (301; 308 for a form)."""
    path = request.path
    tail = sub_path.lstrip("/")
    base = path[: len(path) - len(tail)] if tail and path.endswith(tail) else path
    location = base + canonical.lstrip("/")
    query = request.META.get("QUERY_STRING", "")
    if query:
        location += f"?{query}"
    response = HttpResponsePermanentRedirect(location)
    if request.method not in ("GET", "HEAD"):
        response.status_code = 308
    return response


class LocalizedRoutesMixin:
    """A routable page's sub-views with their parts in the reader's language: in French,
    `historique/`, `reponses/FR/`, `commentaires/12/modifier/` (`SUB_PATH_SLUGS`).

    `reverse_subpage` (and so `{% routablepageurl %}`) writes the active language's parts;
    `resolve_subpage` reads either language's and, when the parts are not the language's
    own (an old `/fr/reseau/.../history/`), answers with a permanent redirect to them. The
    redirect is the view the route leads to, so it is served only after the area's access
    rule (`before_serve_page`) let the visitor see the page: it tells nobody more than the
    page itself would. Put it before `RoutablePageMixin` in the bases."""

    @staticmethod
    def route_path_in_english(path: str) -> str:
        """The sub-path as the routes are declared (`/historique/` → `/history/`)."""
        return sub_path_in(path, settings.LANGUAGE_CODE)

    def reverse_subpage(self, name, args=None, kwargs=None) -> str:
        english = super().reverse_subpage(name, args=args, kwargs=kwargs)
        return sub_path_in(english, get_language() or settings.LANGUAGE_CODE)

    def resolve_subpage(self, path: str):
        language = get_language() or settings.LANGUAGE_CODE
        english = sub_path_in(path, settings.LANGUAGE_CODE)
        match = super().resolve_subpage(english)
        canonical = sub_path_in(english, language)
        if canonical != path:
            match.func = lambda request, *args, **kwargs: _redirect_to_canonical(
                request, path, canonical
            )
        return match
