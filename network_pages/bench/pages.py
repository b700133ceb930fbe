"""What the bench loads: one page of every page type (the heaviest one), the site's other
views, and the main admin screens, each as the roles that use it.

A page type added later is measured without a change here: every page model with a live
page is picked up. Public pages are loaded as anonymous visitors (and the busiest as signed-in
members too: their cache must not serve them); network pages as a Focal Point and as the DMR.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, get_page_models

from network_pages.community.models import MemberComment
from network_pages.information.models import InformationRequestPage, Response
from network_pages.library.models import LibraryEntry, LibraryVersion
from network_pages.meetings.models import CalendarFeed
from network_pages.models import NetworkHomePage

from .urls import CEILING_PATH

ANONYMOUS = "anonymous"
FOCAL_POINT = "Focal Point"
DMR = "DMR"
ROLES = (ANONYMOUS, FOCAL_POINT, DMR)
# The demo accounts the bench signs in as.
ACCOUNTS = {FOCAL_POINT: "fp_fr", DMR: "dmr"}

# What a page is, for the targets it is judged by (verdict.py).
CEILING = "ceiling"
CACHED_PUBLIC = "public page, cached"
PUBLIC_VIEW = "public view"
RESTRICTED = "restricted page"
ADMIN = "admin screen"
# Sends a public page past its cache (home.page_cache caches only `?page=`).
RENDER_PARAMETER = "bench-render"


@dataclass(frozen=True)
class Target:
    label: str
    role: str
    path: str
    ceiling: bool = False
    # Concurrent connections, if not the run's (--connections).
    connections: int | None = None
    kind: str = PUBLIC_VIEW


def _heaviest(model: type[Page], english: Locale) -> Page | None:
    """The live English page of `model` with the most comments (and responses), else the first."""
    pages = model.objects.live().filter(locale=english, alias_of__isnull=True)
    comments = dict(
        MemberComment.objects.filter(page__in=pages)
        .values_list("page")
        .annotate(total=Count("pk"))
        .values_list("page", "total")
    )
    responses = {}
    if model is InformationRequestPage:
        responses = dict(
            Response.objects.filter(request__in=pages)
            .values_list("request")
            .annotate(total=Count("pk"))
            .values_list("request", "total")
        )
    candidates = list(pages.order_by("pk").values_list("pk", flat=True))
    if not candidates:
        return None
    best = max(candidates, key=lambda pk: (responses.get(pk, 0), comments.get(pk, 0), -pk))
    return Page.objects.get(pk=best).specific


def _in_network(page: Page) -> bool:
    return NetworkHomePage.objects.filter(
        path__in=[page.path[:length] for length in range(4, len(page.path) + 1, 4)]
    ).exists()


def library_targets() -> list[Target]:
    """The network's library, the meeting's and the group's library with the most entries,
    and the entry with the most versions (issue 18), if the database has entries."""
    found = []
    with translation.override("en"):
        if LibraryEntry.objects.exists():
            network = reverse("library:network")
            found.append(Target("library (network)", ANONYMOUS, network, kind=RESTRICTED))
        for field, name in (("meeting", "library:meeting"), ("thematic_group", "library:group")):
            busiest = (
                LibraryEntry.objects.filter(**{f"{field}__isnull": False})
                .values_list(field)
                .annotate(total=Count("pk"))
                .order_by("-total", field)
                .values_list(field, flat=True)
                .first()
            )
            if busiest is not None:
                label = f"library ({field.replace('_', ' ')})"
                path = reverse(name, args=[busiest])
                found.append(Target(label, ANONYMOUS, path, kind=RESTRICTED))
        entry = (
            LibraryVersion.objects.values_list("entry")
            .annotate(total=Count("pk"))
            .order_by("-total", "entry")
            .values_list("entry", flat=True)
            .first()
        )
        if entry is not None:
            path = reverse("library:entry", args=[entry])
            found.append(Target("library entry (versions)", ANONYMOUS, path, kind=RESTRICTED))
    return found


def _past_the_cache(path: str) -> str:
    """`path` with a query parameter the public page cache never serves nor stores."""
    return f"{path}{'&' if '?' in path else '?'}{RENDER_PARAMETER}=1"


def targets(calendar_user=None) -> list[Target]:
    """Everything the bench loads, in the order of the table."""
    english = Locale.objects.get(language_code="en")
    french = Locale.objects.get(language_code="fr")
    found: list[Target] = [
        Target("ceiling (minimal view)", ANONYMOUS, CEILING_PATH, ceiling=True, kind=CEILING),
        Target("/healthz", ANONYMOUS, "/healthz"),
    ]
    public, network, pages = [], [], {}
    for model in get_page_models():
        if model is Page:
            continue
        page = _heaviest(model, english)
        if page is None:
            continue
        pages[model] = page
        label = str(model._meta.verbose_name)
        if _in_network(page):
            network.append(Target(label, ANONYMOUS, page.url, kind=RESTRICTED))
        else:
            public.append(Target(label, ANONYMOUS, page.url, kind=CACHED_PUBLIC))

    with translation.override("en"):
        views = {
            "search": f"{reverse('search')}?q=migration",
            "feed": reverse("feed"),
            "sign-in page": reverse("accounts:login"),
            "calendar link page": reverse("meetings:calendar_feed_settings"),
            "notification settings": reverse("community:notification_settings"),
            "members' search": f"{reverse('network_search:search')}?q=authority",
            "members' search, rare": f"{reverse('network_search:search')}?q=statelessness",
        }
    home = next((p for m, p in pages.items() if m._meta.model_name == "homepage"), None)
    if home is not None:
        french_home = home.get_translation_or_none(french)
        if french_home is not None:
            french = Target("home page (FR)", ANONYMOUS, french_home.url, kind=CACHED_PUBLIC)
            public.insert(1, french)
    public += [
        Target("search", ANONYMOUS, views["search"]),
        Target("sitemap.xml", ANONYMOUS, "/sitemap.xml", kind=CACHED_PUBLIC),
        Target("feed", ANONYMOUS, views["feed"], kind=CACHED_PUBLIC),
        Target("sign-in page", ANONYMOUS, views["sign-in page"]),
    ]
    found += public
    # The same public pages rendered for an anonymous visitor, past the cache: the first
    # request after a publication pays this, and issue 17's ratio to the demo size holds
    # for it as for every page (a query parameter other than `?page=` is never cached).
    # Not the sitemap: it lists every public page, so its rendering grows with them by design.
    found += [
        Target(f"{t.label}, rendered", ANONYMOUS, _past_the_cache(t.path), kind=PUBLIC_VIEW)
        for t in public
        if t.kind == CACHED_PUBLIC and t.label != "sitemap.xml"
    ]
    # The network's home first, then its sections (in the order Wagtail lists the models).
    network.sort(key=lambda t: t.path != pages.get(NetworkHomePage, Page()).url)
    # A restricted page refused to an anonymous visitor (a redirect to the sign-in page).
    if network:
        found.append(Target(f"{network[0].label} (refused)", ANONYMOUS, network[0].path))

    # Signed in, the public pages are served fresh: the busiest ones.
    busiest = [
        Target(t.label, t.role, t.path, kind=PUBLIC_VIEW)
        for t in public
        if t.label in {"home page", "news index"}
    ][:2]
    request_page = pages.get(InformationRequestPage)
    extra = [
        # A common word of the grown texts: a full first page of results, counts by kind.
        Target("members' search", ANONYMOUS, views["members' search"], kind=RESTRICTED),
        # One request at a time: the answer time a member waits for (issue 18: p95 < 300 ms),
        # without the queue of 8 connections to 2 workers.
        Target(
            "members' search, one at a time",
            ANONYMOUS,
            views["members' search"],
            connections=1,
            kind=RESTRICTED,
        ),
        Target(
            "members' search, a rare word",
            ANONYMOUS,
            views["members' search, rare"],
            kind=RESTRICTED,
        ),
        *library_targets(),
        Target("calendar link page", ANONYMOUS, views["calendar link page"], kind=RESTRICTED),
        Target("notification settings", ANONYMOUS, views["notification settings"], kind=RESTRICTED),
    ]
    if request_page is not None:
        compilation = f"{request_page.url}compilation/"
        extra.append(Target("request compilation", ANONYMOUS, compilation, kind=RESTRICTED))
    if calendar_user is not None:
        # The feed's token stands for its owner: a calendar application sends no cookie.
        _feed, token = CalendarFeed.issue(calendar_user)
        with translation.override("en"):
            feed = reverse("meetings:calendar_feed", args=[token])
        label = "calendar feed (.ics, a Focal Point's token)"
        found.append(Target(label, ANONYMOUS, feed, kind=RESTRICTED))
    for role in (FOCAL_POINT, DMR):
        found += [
            Target(t.label, role, t.path, connections=t.connections, kind=t.kind)
            for t in busiest + network + extra
        ]

    network_home = pages.get(NetworkHomePage)
    found.append(Target("admin: dashboard", DMR, "/admin/", kind=ADMIN))
    if request_page is not None:
        requests_index = request_page.get_parent()
        explorer, edit = (
            f"/admin/pages/{requests_index.pk}/",
            f"/admin/pages/{request_page.pk}/edit/",
        )
        found += [
            Target("admin: explorer (requests)", DMR, explorer, kind=ADMIN),
            Target("admin: page edit (request)", DMR, edit, kind=ADMIN),
        ]
    elif network_home is not None:
        found.append(Target("admin: explorer", DMR, f"/admin/pages/{network_home.pk}/", kind=ADMIN))
    found.append(Target("admin: workflows report", DMR, "/admin/reports/workflow/", kind=ADMIN))
    return found
