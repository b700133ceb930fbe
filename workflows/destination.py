"""Where an approved page goes, and what would stop it from going there (3.3)."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from workflows import conf
from workflows.exceptions import NoPublicDestination


def public_parent_for(page: Page) -> Page | None:
    """The public parent the project names for `page`; None: publish it where it is."""
    destination = conf.public_destination()
    return destination(page) if destination else None


def release_obstacles(page: Page, approved: Page) -> list[str]:
    """Why the approved version (`approved`, a revision's object) cannot go public now."""
    reasons = []
    try:
        parent = public_parent_for(page)
    except NoPublicDestination as error:
        return [str(error)]
    if page.get_children().exists():
        reasons.append(
            _("The page has sub-pages, which would become public with it: move them first.")
        )
    if parent is not None and not Page._slug_is_available(approved.slug, parent, page):
        reasons.append(
            _(
                "A page with the address “%(slug)s” already exists in “%(parent)s”: "
                "change the slug (in the Promote tab) first."
            )
            % {"slug": approved.slug, "parent": parent.title}
        )
    return reasons
