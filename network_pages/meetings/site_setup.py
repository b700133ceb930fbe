"""The Meetings index every installation has, under the network root (idempotent, so that
`setup_site` can run on every deployment)."""

from django.db import transaction
from wagtail.models import Page

from network_pages.meetings.models import MeetingIndexPage
from network_pages.models import NetworkHomePage
from network_pages.network_area import mirror_into_other_locales

MEETINGS_SLUG = "meetings"


@transaction.atomic
def ensure_meetings_index(network: NetworkHomePage) -> MeetingIndexPage:
    """The "Meetings" index under the English network root, in its menu, mirrored to French."""
    index = MeetingIndexPage.objects.child_of(network).filter(locale=network.locale).first()
    if index is None:
        index = network.add_child(
            instance=MeetingIndexPage(
                title="Meetings",
                slug=MEETINGS_SLUG,
                locale=network.locale,
                show_in_menus=True,
                intro=(
                    "Plenary meetings, thematic sessions and joint meetings of the network: "
                    "convocations, draft agendas, documents and minutes."
                ),
            )
        )
        index.save_revision().publish()
    mirror_into_other_locales(Page.objects.get(pk=index.pk).specific)
    return MeetingIndexPage.objects.get(pk=index.pk)
