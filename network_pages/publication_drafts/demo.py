"""Demo content of the joint approval (3.3): a publication waiting for the network and the
DMR, and one that went through it and is public in English and in French.

Call after the demo accounts exist: `approver` and `dmr` approve, and `dmr_editor` (the DMR
member who drafted both: nobody approves what they wrote) should be one of them so that it
can sign in; without it, the drafts are written by an account that cannot sign in.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from wagtail.models import Locale

from home.models import HomePage, PublicationPage
from home.site_setup import ensure_public_indexes
from network_pages import roles
from network_pages.factories import make_member
from network_pages.models import MemberProfile, NetworkHomePage
from workflows import precaution
from workflows.factories import complete_translation
from workflows.models import JointApprovalTask
from workflows.translation import request_translations, submit_translation

from .setup import ensure_joint_approval_workflow, ensure_publication_drafts

EDITOR = "dmr_editor"
WAITING = {
    "title": "Reception conditions for asylum seekers: a comparative overview",
    "slug": "reception-conditions-overview",
    "intro": (
        "What the Focal Points shared about reception conditions in 2025, summarised by the "
        "DMR for publication."
    ),
    "body": "<p>Twelve member states described their reception capacity and its limits.</p>",
}
PUBLIC = {
    "title": "Alternatives to immigration detention: practices shared by the network",
    "slug": "alternatives-to-detention",
    "intro": "A summary of the good practices on alternatives to detention.",
    "body": "<p>Case management and community-based solutions are the most widely used.</p>",
}
FRENCH = {
    PUBLIC["title"]: "Alternatives à la rétention administrative : pratiques partagées",
    PUBLIC["slug"]: "alternatives-a-la-retention",
    PUBLIC["intro"]: "Une synthèse des bonnes pratiques relatives aux alternatives à la rétention.",
    "Case management and community-based solutions are the most widely used.": (
        "L'accompagnement individuel et les solutions de proximité sont les plus répandus."
    ),
}


def _ensure_editor():
    user = get_user_model().objects.filter(username=EDITOR).first()
    if user is None:
        user = make_member(
            EDITOR,
            groups=(roles.DMR_SECRETARIAT,),
            state=None,
            first_name="Élise",
            last_name="Marchand",
            function=MemberProfile.Function.SECRETARIAT,
            institution="Council of Europe, DMR",
            preferred_language="fr",
        )
    return user


def _draft(drafts, editor, texts: dict) -> PublicationPage:
    page = PublicationPage.objects.filter(slug=texts["slug"]).first()
    if page is not None:
        return page
    page = PublicationPage(
        title=texts["title"],
        slug=texts["slug"],
        intro=texts["intro"],
        body=[("paragraph", texts["body"])],
        live=False,
        owner=editor,
        locale_id=drafts.locale_id,
    )
    drafts.add_child(instance=page)
    page.save_revision(user=editor)
    return page


def _approve(page: PublicationPage, users) -> None:
    """Each user approves for their party; the DMR ticks the whole precaution checklist."""
    checklist = [key for key, _label in precaution.checklist()]
    for user in users:
        page = PublicationPage.objects.get(pk=page.pk)
        task_state = page.current_workflow_task_state
        task: JointApprovalTask = task_state.task.specific
        task.record_approval(
            task_state,
            user,
            revision_id=page.get_latest_revision().pk,
            checklist=checklist,
            notes="Demo: checked.",
        )


@transaction.atomic
def seed_publication_demo(homes: dict[str, HomePage], network: NetworkHomePage) -> list[str]:
    """Create (or find) the joint-approval demo and return lines that describe it."""
    ensure_public_indexes(homes)
    drafts = ensure_publication_drafts(network)
    workflow = ensure_joint_approval_workflow(drafts)
    editor = _ensure_editor()
    User = get_user_model()
    approver, dmr = User.objects.get(username="approver"), User.objects.get(username="dmr")

    waiting = _draft(drafts, editor, WAITING)
    if not waiting.workflow_states.exists():
        workflow.start(waiting, editor)

    public = _draft(drafts, editor, PUBLIC)
    if not public.workflow_states.exists():
        workflow.start(public, editor)
        _approve(public, [approver, dmr])
        public = PublicationPage.objects.get(pk=public.pk)
        request_translations(public)
        # 3.3: the French version goes public through the same joint approval.
        french = complete_translation(
            public,
            Locale.objects.get(language_code="fr"),
            lambda text: FRENCH.get(text, text),
            user=editor,
        )
        submit_translation(french, editor)
        _approve(french, [approver, dmr])
    public = PublicationPage.objects.get(pk=public.pk)
    french = public.get_translation_or_none(Locale.objects.get(language_code="fr"))
    task_state = waiting.current_workflow_task_state
    return [
        "Joint approval (3.3):",
        f"  waiting for approver and dmr: {waiting.title}",
        f"    review: {reverse('workflows:review', args=[task_state.pk])}"
        if task_state
        else "    (no longer waiting)",
        f"  public in English and French: {public.url}  {french.url if french else ''}",
        f"  both drafted by {EDITOR} (DMR Secretariat)",
    ]
