"""The URLs of the URLconf that are not pages: public surfaces, account steps, personal
settings and the calendar feed (with a token nobody was given)."""

from wagtail.models import PageViewRestriction

from network_pages.area_addresses import localized

from .expectations import Outcome, for_everyone, restricted_to
from .marked_site import MarkedSite
from .register_content import build_register_probes
from .roles import MEMBERS, SIGNED_IN, Role

LANGUAGES = ("en", "fr")
NETWORK_PEOPLE = MEMBERS | {Role.GUEST}
VERIFIED = SIGNED_IN - {Role.PASSWORD_ONLY}


def build_other_urls(site: MarkedSite) -> None:
    site.probe_public("/healthz")
    site.probe_public("/sitemap.xml")
    network = site.things["network"]
    meeting_b = site.things["meeting_b"]
    restriction = PageViewRestriction.objects.filter(page=meeting_b).first()
    for language in ("en", "fr"):
        news = site.things["public newsitempage"]
        site.probe_public(f"/{language}/feed/", *([news.intro] if language == "en" else []))
        site.probe_public(f"/{language}/search/")
        site.probe(f"/{language}/calendar/", restricted_to(NETWORK_PEOPLE))
        site.probe(f"/{language}/calendar/not-a-token.ics", for_everyone(Outcome.NOT_FOUND))
        site.probe(f"/{language}/notifications/", restricted_to(NETWORK_PEOPLE))
        site.probe(localized(f"/{language}/network/search/"), restricted_to(NETWORK_PEOPLE))
        build_register_probes(site, language)
        # A guest's first screen: the meetings they may open, and never another.
        site.probe(
            f"/{language}/your-meetings/",
            restricted_to(NETWORK_PEOPLE),
            site.things["meeting_a_title"],
        )
        # "Our state": a Focal Point is sent to their own state's record, the DMR chooses.
        site.probe(
            f"/{language}/our-state/",
            {
                **restricted_to(MEMBERS),
                Role.FOCAL_POINT: Outcome.REDIRECT,
                Role.OTHER_STATE: Outcome.REDIRECT,
            },
        )
        # A state's record: its own Focal Points and the DMR, not another state's.
        site.probe(
            f"/{language}/states/FR/",
            restricted_to(MEMBERS, other_state=Outcome.REFUSED),
            site.things["french_organisation"],
        )
        # POST only: the person is checked first, then the method.
        site.probe(
            f"/{language}/notifications/follow/{network.pk}/",
            restricted_to(
                NETWORK_PEOPLE, **{r.name.lower(): Outcome.NOT_ALLOWED for r in NETWORK_PEOPLE}
            ),
        )
        # The network never uses shared passwords: Wagtail's forms for them are gone (410).
        site.probe(
            f"/{language}/_util/authenticate_with_password/{restriction.pk}/{meeting_b.pk}/",
            for_everyone(Outcome.GONE),
            restricted=False,
        )
        site.probe(f"/{language}/_util/login/", for_everyone(Outcome.REDIRECT), restricted=False)
        for route, expected, restricted in ACCOUNT_STEPS:
            site.probe(f"/{language}/accounts/{route}", expected, restricted=restricted)
    site.probe(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        for_everyone(Outcome.GONE),
        restricted=False,
    )


# Each step of signing in is for the visitor's own session.
ACCOUNT_STEPS = (
    ("", restricted_to(VERIFIED), True),
    ("login/", for_everyone(Outcome.OK), False),
    # Sends each visitor on to the step they are at (or into the network).
    ("verify/", for_everyone(Outcome.REDIRECT), True),
    ("enrol/", restricted_to(SIGNED_IN), True),
    ("backup-codes/", restricted_to(VERIFIED), True),
    ("password/", restricted_to(VERIFIED), True),
    # POST only (the account page holds its form), for a verified session.
    (
        "email/",
        restricted_to(VERIFIED, **{role.name.lower(): Outcome.NOT_ALLOWED for role in VERIFIED}),
        True,
    ),
    # Says, to a verified session only, that this link does not work.
    ("email/confirm/not-a-token/", restricted_to(VERIFIED), True),
    ("logout/", for_everyone(Outcome.NOT_ALLOWED), True),
    (
        "sign-out-everywhere/",
        restricted_to(VERIFIED, **{role.name.lower(): Outcome.NOT_ALLOWED for role in VERIFIED}),
        True,
    ),
    ("invitation/not-a-token/", for_everyone(Outcome.NOT_FOUND), True),
)
