"""3.3: a draft leaves the restricted area only through the joint approval.

Moving or copying it by hand into the public section would publish what the network and
the DMR have not decided together; the admin refuses (see wagtail_hooks.py).
"""

from wagtail.models import Page

from network_pages import network_area

from .models import PublicationDraftsPage


def is_publication_draft(page: Page) -> bool:
    return page.get_ancestors().type(PublicationDraftsPage).exists()


def escapes_the_network_area(page: Page, destination: Page | None) -> bool:
    """True when `page`, a publication draft, would land outside the network area."""
    return (
        destination is not None
        and is_publication_draft(page)
        and not network_area.is_in_network_area(destination)
    )
