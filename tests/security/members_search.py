"""The members' search (/<lang>/network/search/), for every marker, as every network person:
a marker is found only by those who may read it, and what the search covers is found."""

from django.test import Client

from .expectations import Outcome, Probe, body_text, problems
from .marked_site import MarkedSite
from .roles import MEMBERS, Role

SEARCHERS = (*sorted(MEMBERS), Role.GUEST)
NOTHING = "QZNOTHINGTOFIND"
# Markers planted in what the members' search covers: its readers must find them.
COVERED = (
    "meeting A title",
    "meeting A purpose",
    "meeting B title",
    "meeting B purpose",
    "request question",
    "French draft response",
    "German submitted response",
    "information item",
    "thematic group mandate",
    "members-only workspace update",
    "comment on",
)


def is_covered(where: str) -> bool:
    return any(where.startswith(covered) for covered in COVERED)


def members_search_problems(site: MarkedSite, role: Role, client: Client) -> list[str]:
    found = []
    forbidden = site.forbidden_for(role)
    url = "/en/network/search/?q={}"
    baseline = body_text(client.get(url.format(NOTHING))).count(NOTHING)
    for marker in site.markers:
        readable = role in marker.readers
        probe = Probe(
            url.format(marker.text),
            dict.fromkeys(Role, Outcome.OK),
            shows=(marker.text,) if readable and is_covered(marker.where) else (),
            echo=marker.text,
        )
        response = client.get(probe.url)
        body = body_text(response)
        lines = problems(response, probe, role, forbidden, echo_baseline=baseline)
        if readable and not is_covered(marker.where):
            # Allowed but outside the search's reach: finding it is no leak.
            lines = [line for line in lines if "the public search finds" not in line]
        found += [line.replace("the public search", "the members' search") for line in lines]
        if not readable and body.count(marker.text) > baseline:
            found.append(f"{probe.url} as {role}: the members' search finds {marker.text}")
    return found
