"""A draft waiting in the joint approval, and a network approver who reviews it (3.3): the
only page the approver's admin may name (workflows.approver_admin). Built just before the
approver's admin sweep (sweep.py), after every other request of the matrix."""

from wagtail.models import Page

from home.models import PublicationPage
from network_pages import roles
from network_pages.factories import make_member
from network_pages.models import NetworkHomePage
from network_pages.publication_drafts.setup import ensure_publication_drafts

from .marked_site import MarkedSite
from .roles import MEMBERS, Role


def build_reviewed_draft(site: MarkedSite, network: NetworkHomePage, users: dict) -> None:
    drafts = ensure_publication_drafts(network)
    # Members read its title in the Publication drafts index (what waits for the joint
    # approval); in the admin, only the approver who reviews it and the DMR.
    text = site.mark("publication draft in the joint approval", MEMBERS)
    author = users[Role.DMR]
    draft = PublicationPage(
        title=f"Reviewed {text}", slug="reviewed-draft", intro=text, live=False, owner=author
    )
    drafts.add_child(instance=draft)
    draft.save_revision(user=author)
    workflow_state = drafts.get_workflow().start(draft, author)
    site.things["reviewed_draft"] = Page.objects.get(pk=draft.pk)
    site.things["reviewed_draft_marker"] = text
    site.things["reviewed_task_state"] = workflow_state.current_task_state
    site.things["approver"] = make_member(
        "approver_it", groups=(roles.FOCAL_POINTS, roles.NETWORK_APPROVERS), state="IT"
    )
