"""The registry a marked site fills: its markers, its probes, and the objects behind them."""

from dataclasses import dataclass, field

from wagtail.models import Locale, Page

from network_pages.area_addresses import localized, sub_path_in

from .expectations import Marker, Outcome, Probe, for_everyone, restricted_to
from .roles import EVERYONE, MEMBERS, Role


@dataclass
class MarkedSite:
    markers: list[Marker] = field(default_factory=list)
    probes: list[Probe] = field(default_factory=list)
    # Objects later tests need: pages by name, documents, comments, users' feed tokens...
    things: dict[str, object] = field(default_factory=dict)

    def mark(self, where: str, readers: frozenset[Role]) -> str:
        """A new marker, one search word long, for content that only `readers` may read."""
        text = f"QZMK{len(self.markers):03d}{''.join(c for c in where if c.isalnum())[:12]}"
        self.markers.append(Marker(text, frozenset(readers), where))
        return text

    def probe(
        self,
        url: str,
        expected: dict[Role, Outcome],
        *shows: str,
        restricted=True,
        shown_to: frozenset[Role] | None = None,
    ):
        # At the address the site links to: the French parts of the area's views (issue 15).
        url = localized(url)
        self.probes.append(Probe(url, expected, tuple(shows), restricted, shown_to=shown_to))

    def probe_public(self, url: str, *shows: str) -> None:
        self.probe(url, for_everyone(Outcome.OK), *shows, restricted=False)

    def probe_never_published(self, url: str) -> None:
        """Wagtail routes only to live pages: a page never published is not found, by
        anyone, before any access rule runs (and a 404 tells nothing worth caching)."""
        self.probe(url, for_everyone(Outcome.NOT_FOUND), restricted=False)

    def probe_missing_in_network(self, url: str) -> None:
        """Issue 13, 11: under the network area, a page that is not there (never published,
        or no page at all) is refused to whoever may not enter the area, exactly as an
        existing restricted page is; only members learn that it is not found."""
        members_find_nothing = dict.fromkeys(
            ("focal_point", "other_state", "dmr"), Outcome.NOT_FOUND
        )
        self.probe(url, restricted_to(MEMBERS, **members_find_nothing))

    def probe_page(
        self,
        page: Page,
        route: str,
        expected: dict[Role, Outcome],
        *shows: str,
        in_french: bool | None = None,
        shown_to: frozenset[Role] | None = None,
    ) -> None:
        """The page (with `route` appended) in English and through its French alias or copy:
        both carry the same restriction and the same content (DESIGN.md).

        Routes are asked in French only where told (`in_french`): the alias's restriction
        is what the page itself proves, and each French request costs time."""
        restricted = any(outcome is not Outcome.OK for outcome in expected.values())
        urls = urls_in_every_language(page)
        if not (route == "" if in_french is None else in_french):
            urls = urls[:1]
        for url in urls:
            # The route's parts in the URL's language (`calendrier/` under /fr/, issue 15).
            local_route = sub_path_in(route, url.split("/")[1])
            self.probe(
                f"{url}{local_route}", expected, *shows, restricted=restricted, shown_to=shown_to
            )

    def forbidden_for(self, role: Role) -> list[Marker]:
        return [marker for marker in self.markers if role not in marker.readers]

    def restricted_markers(self) -> list[Marker]:
        return [marker for marker in self.markers if marker.readers != EVERYONE]


def urls_in_every_language(page: Page) -> list[str]:
    """The page's URL, then its French alias's, if one exists (drafts have none)."""
    urls = [page.url]
    french = page.get_translation_or_none(Locale.objects.get(language_code="fr"))
    if french is not None and french.live:
        urls.append(french.url)
    return urls
