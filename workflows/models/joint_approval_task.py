"""The joint-approval task (3.3): every party approves before anything goes public.

Built on Wagtail's group approval task. Its task state stays in progress until every
party (a group with a quorum) has approved the latest revision; each approval is a row
(`Approval`), so an edit, which makes a new revision, starts the count again
(`WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`). Approvals are counted under a row lock on
the task state, so that two approvers finishing at the same moment finish it once.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, Page, Revision, Task, TaskState

from network_pages import access
from workflows import log_actions, precaution
from workflows.destination import release_obstacles
from workflows.exceptions import ApprovalRefused
from workflows.forms import RejectionForm
from workflows.links import restricted_links
from workflows.tally import Party, Tally, Vote, approval_refusals, build_tally, open_parties
from workflows.tally import validate_parties as parse_parties
from workflows.widgets import PartiesWidget

from .approval import Approval, PrecautionReview


def validate_parties(value) -> None:
    try:
        parse_parties(value)
    except ValueError as error:
        raise ValidationError(str(error)) from error
    existing = set(Group.objects.filter(pk__in=[e["group"] for e in value]).values_list("pk"))
    if len(existing) != len(value):
        raise ValidationError(gettext("Choose an existing group for each party."))


class JointApprovalTaskState(TaskState):
    """A joint approval in progress; its tally is the `Approval` rows of its latest revision."""

    class Meta:
        verbose_name = _("joint approval task state")
        verbose_name_plural = _("joint approval task states")

    def get_comment(self) -> str:
        """What the workflow history shows: the reviewer's comment and the tally."""
        tally = self.task.specific.tally_for(self, self.revision)
        lines = [self.comment] if self.comment else []
        for party in tally.parties:
            names = ", ".join(
                vote.record.user_display for vote in party.votes if vote.record is not None
            )
            lines.append(f"{party.name} {party.count}/{party.party.quorum}: {names or '—'}")
        return "\n".join(lines)


class JointApprovalTask(AbstractGroupApprovalTask):
    """Parties, each a group with a quorum; the task is done when every party has approved."""

    parties = models.JSONField(
        _("parties"),
        default=list,
        validators=[validate_parties],
        help_text=_(
            "Each party is a group and the number of its members who must approve (its "
            "quorum). One person counts for one party only; nobody approves what they wrote."
        ),
    )

    admin_form_fields = [*Task.admin_form_fields, "parties"]
    admin_form_widgets = {"parties": PartiesWidget}
    task_state_class = JointApprovalTaskState

    class Meta:
        verbose_name = _("joint approval task")
        verbose_name_plural = _("joint approval tasks")

    @classmethod
    def get_description(cls):
        return _(
            "Every party (a group with a quorum) must approve; any party can request "
            "changes. One party may complete a precaution review with its approval."
        )

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # Wagtail's own group checks (editor access, dashboard) read `groups`.
        self.groups.set([party.group_id for party in self.get_parties()])

    # Parties and tally

    def get_parties(self) -> list[Party]:
        return [Party.from_json(entry) for entry in self.parties or []]

    def party_names(self) -> dict[int, str]:
        ids = [party.group_id for party in self.get_parties()]
        return dict(Group.objects.filter(pk__in=ids).values_list("pk", "name"))

    def tally_for(self, task_state: TaskState, revision: Revision) -> Tally:
        approvals = Approval.objects.filter(task_state_id=task_state.pk, revision=revision)
        votes = [
            Vote(approval.user_id, approval.party_id, approval)
            for approval in approvals.select_related("user", "party", "precaution_review")
        ]
        return build_tally(self.get_parties(), self.party_names(), votes)

    def user_group_ids(self, user, *, fresh: bool = False) -> set[int]:
        """The user's groups, read once per user object (a dashboard or a listing asks this
        for every task it shows): the groups `access.group_names_of` keeps prefetched.
        Recording a vote reads them `fresh`, under the task state's lock."""
        if not user.is_authenticated:
            return set()
        if fresh:
            return set(user.groups.values_list("pk", flat=True))
        access.group_names_of(user)
        return {group.pk for group in getattr(user, "_wrapped", user).groups.all()}

    def is_party_member(self, user, *, fresh: bool = False) -> bool:
        group_ids = self.user_group_ids(user, fresh=fresh)
        return bool(group_ids & {p.group_id for p in self.get_parties()})

    @staticmethod
    def author_ids(task_state: TaskState) -> set[int]:
        """Everyone who saved a version of the page under review since it was submitted."""
        workflow_state = task_state.workflow_state
        first_revision_id = (
            TaskState.objects.filter(workflow_state_id=workflow_state.pk)
            .order_by("pk")
            .values_list("revision_id", flat=True)
            .first()
        )
        return set(
            Revision.objects.filter(
                base_content_type_id=workflow_state.base_content_type_id,
                object_id=workflow_state.object_id,
                pk__gte=first_revision_id,
            )
            .exclude(user=None)
            .values_list("user_id", flat=True)
        )

    # Wagtail's task interface

    def user_can_access_editor(self, obj, user) -> bool:
        return user.is_superuser or self.is_party_member(user)

    def locked_for_user(self, obj, user) -> bool:
        """Reviewers read the draft; only its editors change it (which resets the tally)."""
        if user.is_superuser:
            return False
        if isinstance(obj, Page):
            tester = obj.permissions_for_user(user)
            return not (
                "change" in tester.permissions
                or ("add" in tester.permissions and obj.owner_id == user.pk)
            )
        return super().locked_for_user(obj, user)

    def get_actions(self, obj, user):
        if user.is_superuser or self.is_party_member(user):
            return [
                ("review", _("Review and approve"), False),
                ("reject", _("Request changes"), True),
            ]
        return []

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionForm
        return None

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if user.is_superuser or self.is_party_member(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "review":
            # Approving needs the review page: the preview, the link check, the checklist.
            return reverse("workflows:review", args=[task_state.pk])
        if action_name == "approve":
            self.record_approval(task_state, user, **kwargs)
            return None
        if action_name == "reject":
            self.record_rejection(task_state, user, **kwargs)
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    # The rules

    @transaction.atomic
    def record_approval(
        self,
        task_state: TaskState,
        user,
        *,
        revision_id: int | None = None,
        party: int | None = None,
        checklist: list[str] | tuple[str, ...] = (),
        notes: str = "",
        comment: str = "",
    ) -> Approval:
        """Count `user`'s approval for a party, and finish the task when the tally is complete.

        Raises ApprovalRefused (nothing recorded) when a rule says no.
        """
        state = JointApprovalTaskState.objects.select_for_update().get(pk=task_state.pk)
        if state.status != TaskState.STATUS_IN_PROGRESS:
            raise ApprovalRefused(gettext("This approval is no longer in progress."))
        page = state.workflow_state.content_object
        page = page.specific if isinstance(page, Page) else page
        revision = page.get_latest_revision()
        if revision_id is None or int(revision_id) != revision.pk:
            raise ApprovalRefused(
                gettext("The page was changed after you opened it: review the latest version.")
            )
        tally = self.tally_for(state, revision)
        group_ids = self.user_group_ids(user, fresh=True)
        if party is None:
            candidates = open_parties(tally, group_ids)
            if len(candidates) > 1:
                raise ApprovalRefused(
                    {"party": gettext("Choose the party you approve for.")}, code="party"
                )
            party = candidates[0].party.group_id if candidates else None
        refusals = approval_refusals(
            tally,
            user_id=user.pk,
            user_group_ids=group_ids,
            party_group_id=party,
            author_ids=self.author_ids(state),
        )
        if refusals:
            raise ApprovalRefused(refusals)
        party_tally = tally.party(party)
        approved = revision.as_object()
        ticked = self._check_precaution(party_tally.party, checklist)
        self._check_declassification(page, approved)

        approval = Approval.objects.create(
            task_state=state, revision=revision, party_id=party, user=user, comment=comment
        )
        if party_tally.party.precaution_review:
            PrecautionReview.objects.create(approval=approval, checklist=ticked, notes=notes)
        tally = self.tally_for(state, revision)
        self._log_approval(page, revision, user, approval, tally, ticked, notes)
        if tally.complete:
            if state.revision_id != revision.pk:
                state.revision = revision
                state.save(update_fields=["revision"])
            state.approve(user=user, comment=comment)
        return approval

    def _check_precaution(self, party: Party, checklist) -> list[dict]:
        if not party.precaution_review:
            return []
        items = precaution.checklist()
        ticked = set(checklist or ())
        if any(key not in ticked for key, _label in items):
            raise ApprovalRefused(
                {
                    "checklist": gettext(
                        "Tick every item of the precaution review before approving."
                    )
                },
                code="checklist",
            )
        return [{"key": key, "label": str(label), "checked": True} for key, label in items]

    def _check_declassification(self, page, approved) -> None:
        links = restricted_links(approved)
        if links:
            raise ApprovalRefused(
                gettext(
                    "The content still links to restricted pages or documents (%(titles)s): "
                    "remove these links first."
                )
                % {"titles": ", ".join(link.title for link in links)},
                code="restricted_links",
            )
        if isinstance(page, Page):
            obstacles = release_obstacles(page, approved)
            if obstacles:
                raise ApprovalRefused(obstacles, code="release")

    def _log_approval(self, page, revision, user, approval, tally, ticked, notes) -> None:
        log(
            instance=page,
            action=log_actions.APPROVE,
            user=user,
            revision=revision,
            data={
                "party": approval.party.name,
                "tally": tally.summary(),
                "complete": tally.complete,
                "comment": approval.comment,
            },
        )
        if ticked:
            log(
                instance=page,
                action=log_actions.PRECAUTION_REVIEW,
                user=user,
                revision=revision,
                data={"checklist": ticked, "notes": notes},
            )

    @transaction.atomic
    def record_rejection(self, task_state: TaskState, user, *, comment: str = "") -> None:
        """Any party ends the task by requesting changes, with a comment (3.3)."""
        state = JointApprovalTaskState.objects.select_for_update().get(pk=task_state.pk)
        if state.status != TaskState.STATUS_IN_PROGRESS:
            raise ApprovalRefused(gettext("This approval is no longer in progress."))
        if not (user.is_superuser or self.is_party_member(user, fresh=True)):
            raise PermissionDenied
        if not comment.strip():
            raise ApprovalRefused(
                {"comment": gettext("Say what must change.")}, code="comment_required"
            )
        state.reject(user=user, comment=comment)
