"""The register of decisions and action points, and the date polls: a decision, an action
point and a poll on meeting B (members only), each with a marker, and their URLs."""

from network_pages.area_addresses import localized
from network_pages.date_polls.models import DatePoll
from network_pages.decisions.models import ActionPoint, Decision
from network_pages.models import MemberState

from .expectations import Outcome, restricted_to
from .marked_site import MarkedSite
from .roles import MEMBERS


def build_register_probes(site: MarkedSite, language: str) -> None:
    if "register_decision" not in site.things:
        meeting = site.things["meeting_b"]
        decision = site.mark("decision of meeting B", MEMBERS)
        action = site.mark("action point of meeting B", MEMBERS)
        site.things["register_decision"] = Decision.objects.create(meeting=meeting, text=decision)
        site.things["register_action"] = ActionPoint.objects.create(
            meeting=meeting,
            description=action,
            owner_state=MemberState.objects.get(code="FR"),
        )
        site.things["register_markers"] = (decision, action)
        poll = DatePoll.objects.create(meeting=meeting, message=site.mark("date poll", MEMBERS))
        site.things["date_poll"] = poll
    decision, action = site.things["register_markers"]
    register = localized(f"/{language}/network/register/")
    site.probe(register, restricted_to(MEMBERS), decision, action)
    for export in ("export.csv", "export.xlsx"):
        site.probe(f"{register}{export}", restricted_to(MEMBERS), decision, action)
    action_pk = site.things["register_action"].pk
    progress = localized(f"/{language}/network/register/actions/{action_pk}/progress/")
    post_only = {role.name.lower(): Outcome.NOT_ALLOWED for role in MEMBERS}
    site.probe(progress, restricted_to(MEMBERS, **post_only))
    poll = site.things["date_poll"]
    site.probe(localized(f"/{language}/network/date-polls/"), restricted_to(MEMBERS))
    site.probe(
        localized(f"/{language}/network/date-polls/{poll.pk}/"),
        restricted_to(MEMBERS),
        poll.message,
    )
