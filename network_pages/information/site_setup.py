"""The pages every installation needs for information requests and items (idempotent, so
that `setup_site` and `seed_demo` can run on every start)."""

from django.db import transaction

from network_pages import network_area
from network_pages.models import NetworkHomePage

from .models import InformationItemIndexPage, InformationRequestIndexPage


@transaction.atomic
def ensure_information_indexes(
    network: NetworkHomePage,
) -> tuple[InformationRequestIndexPage, InformationItemIndexPage]:
    """The two index pages under the English network root, live and mirrored into French."""
    requests = InformationRequestIndexPage.objects.child_of(network).first()
    if requests is None:
        requests = network.add_child(
            instance=InformationRequestIndexPage(
                title="Information requests",
                slug="information-requests",
                locale_id=network.locale_id,
                show_in_menus=True,
                intro="Requests for information addressed to the network (4.5, 4.6).",
            )
        )
        requests.save_revision().publish()
    items = InformationItemIndexPage.objects.child_of(network).first()
    if items is None:
        items = network.add_child(
            instance=InformationItemIndexPage(
                title="Information and good practices",
                slug="information",
                locale_id=network.locale_id,
                show_in_menus=True,
                intro="Information shared by the members and news from the DMR (2.1, 4.7).",
            )
        )
        items.save_revision().publish()
    for page in (requests, items):
        network_area.mirror_into_other_locales(page)
    return (
        InformationRequestIndexPage.objects.get(pk=requests.pk),
        InformationItemIndexPage.objects.get(pk=items.pk),
    )
