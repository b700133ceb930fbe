"""The restricted network area in the page tree: where it is and how it stays closed.

The area is written in one locale (content stays in the language it was written in, 4.6)
and mirrored as aliases under every other language's home, so that its interface follows
the reader's language. Aliases share their source's view restrictions; each network root
also carries its own, so that turning an alias into a real page never opens it.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
)

from home import locales
from home.models import HomePage
from network_pages import roles
from network_pages.models import DirectoryPage, NetworkHomePage

NETWORK_SLUG = "network"
NETWORK_COLLECTION = "Network documents"


def _network_only(restriction_model, **target):
    """Give `target` a view restriction to the network's groups (3.1), or update its own."""
    groups_only = restriction_model.GROUPS
    restriction = restriction_model.objects.filter(
        restriction_type=groups_only, **target
    ).first() or restriction_model.objects.create(restriction_type=groups_only, **target)
    restriction.groups.set(Group.objects.filter(name__in=roles.NETWORK_AREA_GROUPS))
    return restriction


def restrict_to_network(page: Page) -> PageViewRestriction:
    return _network_only(PageViewRestriction, page=page)


def ensure_network_collection() -> Collection:
    """The collection for confidential documents, restricted like the pages (3.1)."""
    collection = Collection.objects.filter(name=NETWORK_COLLECTION, depth=2).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=NETWORK_COLLECTION)
    _network_only(CollectionViewRestriction, collection=collection)
    return collection


def let_the_dmr_publish(network_root: Page) -> None:
    """4.9: the DMR publishes in the network area, and only there: in the public section
    nobody does, the joint approval's release aside (3.3, `workflows.gate`)."""
    GroupPagePermission.objects.get_or_create(
        group=Group.objects.get(name=roles.DMR_SECRETARIAT),
        page=network_root,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="publish_page"
        ),
    )


NETWORK_ROOTS_KEY = "nfp:network_area:root_paths"
# A safety net only: creating, moving or deleting a page forgets the value at once.
NETWORK_ROOTS_SECONDS = 24 * 3600


def _network_roots() -> dict[str, bool]:
    """{tree path: is the source} of the network roots, kept in the cache. The source is the
    root in the network's language (the French root is a translation, not an alias)."""
    roots = cache.get(NETWORK_ROOTS_KEY)
    if roots is None:
        roots = {
            path: alias_of_id is None and language == settings.LANGUAGE_CODE
            for path, alias_of_id, language in NetworkHomePage.objects.values_list(
                "path", "alias_of_id", "locale__language_code"
            )
        }
        cache.set(NETWORK_ROOTS_KEY, roots, NETWORK_ROOTS_SECONDS)
    return roots


def network_root_paths() -> list[str]:
    """Tree paths of the network roots (one per language), without a query once cached."""
    return sorted(_network_roots())


def source_network_root_path() -> str | None:
    """Tree path of the network root in the network's language (where the area is written)."""
    return next((path for path, is_source in sorted(_network_roots().items()) if is_source), None)


def forget_network_roots() -> None:
    """Now, and again once the transaction commits (another process may have read the old
    rows in between)."""
    cache.delete(NETWORK_ROOTS_KEY)
    transaction.on_commit(lambda: cache.delete(NETWORK_ROOTS_KEY))


def network_roots_changed(sender, **kwargs) -> None:
    """Connected (apps.py) to a network root's save and deletion, and to any page move."""
    forget_network_roots()


def is_in_network_area(page: Page) -> bool:
    """True for a network root and every page below it, in any locale (no query)."""
    return any(page.path.startswith(root) for root in network_root_paths())


def unrestricted_network_roots() -> list[NetworkHomePage]:
    """Network roots whose own view restriction is missing: the area would be public."""
    return list(
        NetworkHomePage.objects.exclude(
            view_restrictions__restriction_type=PageViewRestriction.GROUPS
        )
    )


# The area's own pages, which setup_site creates and translates (section_translations.py).
SECTION_TYPES = frozenset(
    {
        "network_pages.NetworkHomePage",
        "network_pages.DirectoryPage",
        "meetings.MeetingIndexPage",
        "information.InformationRequestIndexPage",
        "information.InformationItemIndexPage",
        "community.ThematicGroupIndexPage",
        "community.RapporteurListPage",
        "community.WorkingMethodsPage",
        "publication_drafts.PublicationDraftsPage",
    }
)


def is_section(page: Page) -> bool:
    model = page.specific_class or type(page)  # a base Page too (content types are cached)
    return model._meta.label in SECTION_TYPES


def original_section(page: Page) -> Page | None:
    """The network locale's page of a section translated into another language, else None."""
    if page.alias_of_id or not is_section(page):
        return None
    network_locale = locales.locale_for(settings.LANGUAGE_CODE)
    if network_locale is not None and page.locale_id == network_locale.pk:
        return None  # the original itself (no query: the locales are read once per process)
    # Read once per page object: its comments and its records both ask.
    if not hasattr(page, "_nfp_original_section"):
        # A specific page's original has its type: read it as such, in one query.
        model = type(page)
        original = (
            model.objects.filter(
                translation_key=page.translation_key,
                alias_of__isnull=True,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .exclude(pk=page.pk)
            .first()
        )
        if original is not None and model is Page:
            original = original.specific
        page._nfp_original_section = original
    return page._nfp_original_section


def source_of(page: Page) -> Page:
    """The page whose data an alias shows: records (responses, suggestions...) attach here.

    A specific alias reads its source's specific row directly, in one query (an alias has
    its source's type). A section translated into French (a real page, not an alias) shows
    the data of its original in the network's locale: requests, items and comments are
    written once.
    """
    if page.alias_of_id:
        # Read once per page object: a page's context and its records both ask.
        if not hasattr(page, "_nfp_source"):
            model = type(page)
            page._nfp_source = (
                model.objects.get(pk=page.alias_of_id)
                if model is not Page
                else page.alias_of.specific
            )
        return page._nfp_source
    return original_section(page) or page


def source_if_read(page: Page) -> Page | None:
    """`source_of(page)` when it is at hand without a query (a content page is its own
    source; an alias's was read with it, as routing reads it), else None."""
    if page.alias_of_id:
        return getattr(page, "_nfp_source", None)
    return page if not is_section(page) else None


def source_id(page: Page) -> int:
    """`source_of(page).pk`, without a query for a content page or its alias."""
    if page.alias_of_id:
        return page.alias_of_id
    original = original_section(page)
    return original.pk if original else page.pk


def mirror_into_other_locales(page: Page) -> None:
    """Alias a network page under every other locale's tree, if it is not there yet.

    Public page types (the `home` app) drafted in the network area are left alone: they
    get real translations once public (DESIGN.md, joint approval).
    """
    if page.specific_class._meta.app_label == "home":
        return
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if page.get_translation_or_none(locale) is None:
            page.copy_for_translation(locale, copy_parents=True, alias=True)


@transaction.atomic
def ensure_network_area(home: HomePage) -> NetworkHomePage:
    """Create the network root and its directory under `home` (idempotent)."""
    network = NetworkHomePage.objects.filter(locale=home.locale).first()
    if network is None:
        network = home.add_child(
            instance=NetworkHomePage(
                title="Network area",
                slug=NETWORK_SLUG,
                locale=home.locale,
                intro=(
                    "The restricted area of the Network of Focal Points on Migration: "
                    "for its members and the DMR Secretariat only."
                ),
            )
        )
        network.save_revision().publish()
    restrict_to_network(network)

    directory = DirectoryPage.objects.filter(locale=home.locale).first()
    if directory is None:
        directory = network.add_child(
            instance=DirectoryPage(
                title="Directory", slug="directory", locale=home.locale, show_in_menus=True
            )
        )
        directory.save_revision().publish()

    for page in (network, directory):
        mirror_into_other_locales(Page.objects.get(pk=page.pk).specific)
    for alias_root in NetworkHomePage.objects.exclude(pk=network.pk):
        restrict_to_network(alias_root)
    for root in NetworkHomePage.objects.all():
        let_the_dmr_publish(root)
    ensure_network_collection()
    return NetworkHomePage.objects.get(pk=network.pk)


def restrictions_narrower_than_the_area(page: Page) -> list[PageViewRestriction]:
    """The restrictions an alias has through its source beyond the network's own: on the
    source itself or on a page between it and the network root (a workspace, a meeting)."""
    source = source_of(page)
    roots = NetworkHomePage.objects.values_list("path", flat=True)
    return [
        restriction
        for restriction in source.get_view_restrictions().select_related("page")
        if restriction.page.path not in roots
    ]
