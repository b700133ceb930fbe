"""Where each public page type lives in the public section (the joint approval's destination).

`WORKFLOWS_PUBLIC_DESTINATION` points here: once approved (3.3), a page moves under the index
of its type in its own language.
"""

from django.utils.translation import gettext
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page

from home.models import PublicPage
from home.public_pages import only_public
from workflows.exceptions import NoPublicDestination


def public_parent_for(page: Page) -> Page | None:
    """The live public index for `page`'s type and language; None for other page types."""
    page = page.specific
    if not isinstance(page, PublicPage):
        return None
    index_model = resolve_model_string(page.index_page_type)
    index = (
        only_public(index_model.objects.live())
        .filter(locale_id=page.locale_id)
        .order_by("path")
        .first()
    )
    if index is None:
        raise NoPublicDestination(
            gettext("The public section has no “%(index)s” in %(language)s yet.")
            % {
                "index": index_model._meta.verbose_name,
                "language": page.locale.get_display_name(),
            }
        )
    return index
