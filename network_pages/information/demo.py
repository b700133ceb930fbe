"""Demo content for information requests and items (`seed_demo`): idempotent."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from network_pages.models import MemberState, NetworkHomePage

from .factories import make_item, make_request, make_response
from .models import InformationItemPage, InformationRequestPage, Response
from .site_setup import ensure_information_indexes

__all__ = ["ensure_information_indexes", "seed_information_demo"]

FRENCH_REQUEST = {
    "title": "Accueil des mineurs non accompagnés",
    "language": "fr",
    "background": (
        "Le Comité directeur pour les droits humains prépare un recueil de pratiques sur "
        "l'accueil des mineurs non accompagnés. La DMR sollicite la contribution du réseau."
    ),
    "questions": [
        "Quelle autorité est chargée de l'accueil des mineurs non accompagnés dans votre pays ?",
        "Comment l'âge des personnes se déclarant mineures est-il évalué ?",
        "Quelles mesures de tutelle sont prévues dès l'arrivée ?",
    ],
}
ENGLISH_REQUEST = {
    "title": "Digitalisation of asylum procedures",
    "language": "en",
    "background": "Several member states are moving asylum files to electronic systems.",
    "questions": [
        "Does your asylum authority use an electronic case management system?",
        "How are applicants informed of decisions taken in electronic form?",
    ],
}


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


@transaction.atomic
def seed_information_demo(network: NetworkHomePage) -> list[str]:
    """Two requests (one in French, one in English), a few responses and two items."""
    requests, items = ensure_information_indexes(network)
    today = timezone.localdate()
    french = InformationRequestPage.objects.child_of(requests).filter(
        title=FRENCH_REQUEST["title"]
    ).first() or make_request(
        requests,
        deadline=today + timedelta(days=21),
        member_state=None,
        **FRENCH_REQUEST,
    )
    english = InformationRequestPage.objects.child_of(requests).filter(
        title=ENGLISH_REQUEST["title"]
    ).first() or make_request(
        requests,
        deadline=today + timedelta(days=45),
        member_state=MemberState.objects.get(code="DE"),
        requested_by=_user("fp_de"),
        **ENGLISH_REQUEST,
    )
    if not Response.objects.filter(request=french).exists():
        make_response(
            french,
            "IT",
            [
                "Le ministère de l'Intérieur, en lien avec les autorités locales.",
                "Par un examen pluridisciplinaire.",
                None,
            ],
            submitted_by=_user("approver"),
            language="fr",
        )
        make_response(
            french,
            "DE",
            [
                "The youth welfare offices of the Länder.",
                "By a qualified inspection of documents and an interview.",
                "A guardian is appointed by the family court.",
            ],
            submitted_by=_user("fp_de"),
        )
        make_response(
            french,
            "PL",
            ["Urząd do Spraw Cudzoziemców — projet de réponse."],
            status=Response.Status.DRAFT,
            language="fr",
        )
    if not InformationItemPage.objects.child_of(items).exists():
        make_item(
            items,
            title="Mentoring programme for young refugees",
            summary="A national mentoring programme pairs young refugees with volunteers.",
            member_state=MemberState.objects.get(code="DE"),
            submitted_by=_user("fp_de"),
            good_practice=True,
            themes=("integration", "children"),
        )
        make_item(
            items,
            title="Steering Committee for Human Rights: work on migration",
            summary="The CDDH adopted its work programme on migration-related topics.",
            item_type=InformationItemPage.Kind.DMR_NEWS,
            themes=("intergovernmental committees",),
        )
    return [
        f"Information requests: {requests.url} (open: “{french.title}” in French, "
        f"“{english.title}” in English)",
        f"Information and good practices: {items.url}",
    ]
