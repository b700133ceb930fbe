"""Wagtail's "Awaiting your review" dashboard panel, in a fixed number of queries (issue 17).

Wagtail's panel asks, for every draft waiting: the workflow's tasks with their status (two
queries), and, each time its template checks whether the reviewer may open the editor
(three times a row), the page's workflow state, its current task state and task with their
specific classes, and the reviewer's groups (`JointApprovalTask.is_party_member`): about 18
queries per draft. This panel lists the same rows from the same query (Wagtail's own), then
reads those things once for all the rows and hands them to the rows' objects, where
Wagtail's properties find them (`_current_workflow_states`, as `prefetch_workflow_states`
leaves them, and the specific task state and task). Nothing else changes: the same rows,
the same actions, the same permission checks (`can_edit` still asks the task whether this
user may open the editor).

Wagtail's "Your pages and snippets in a workflow" lists its rows from Wagtail's query too; the
objects of both panels (often the same drafts: the DMR submits what it also reviews) are
read once per request, each with its latest revision (one query per type), instead of twice
two queries.
"""

import copy
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import (
    Page,
    Revision,
    Task,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)
from wagtail.workflows import get_task_types

# Wagtail's words for a task not started (its catalogue translates them).
NOT_STARTED = "Not started"
ACTIVE = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


class BatchedWorkflowObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    """Wagtail's panel (same template, same rows); its per-row reads done once."""

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = Component.get_context_data(self, parent_context)
        context["states"] = []
        context["request"] = request
        context["csrf_token"] = parent_context["csrf_token"]
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        # Wagtail's query (`TaskState.objects.reviewable_by`), keeping the specific tasks
        # it reads to build it.
        tasks = _active_tasks()
        reviewable = TaskState.objects.none()
        for task in tasks.values():
            reviewable = reviewable | task.get_task_states_user_can_moderate(user=request.user)
        states = list(
            reviewable.select_related(
                "revision", "revision__user", "workflow_state", "workflow_state__workflow"
            )
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )
        # Wagtail prefetches "revision__content_object" and its latest revision.
        _give_content_objects(request, [state.revision for state in states])
        # As Wagtail: a revision of a deleted object is left out.
        states = [state for state in states if state.revision.content_object]
        if not states:
            return context
        _give_objects_their_workflow_state(states, tasks)
        tasks_with_status = _all_tasks_with_status({s.workflow_state for s in states})
        for state in states:
            obj = state.revision.content_object
            is_page = isinstance(obj, Page)
            if is_page:
                url_names = (
                    "wagtailadmin_pages:workflow_action",
                    "wagtailadmin_pages:workflow_preview",
                    "wagtailadmin_pages:revisions_compare",
                )
            else:
                viewset = obj.snippet_viewset
                url_names = tuple(
                    viewset.get_url_name(name)
                    for name in ("workflow_action", "workflow_preview", "revisions_compare")
                )
            task = tasks.get(state.task_id) or state.task.specific
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": task.get_actions(obj, request.user),
                    "workflow_tasks": tasks_with_status[state.workflow_state_id],
                    "workflow_action_url_name": url_names[0],
                    "workflow_preview_url_name": url_names[1]
                    if getattr(obj, "is_previewable", False)
                    else None,
                    "revisions_compare_url_name": url_names[2],
                }
            )
        return context


class BatchedUserObjectsInWorkflowModerationPanel(UserObjectsInWorkflowModerationPanel):
    """Wagtail's "Your pages and snippets in a workflow" (same template, same rows), its
    objects read with the other panel's (`_give_content_objects`)."""

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = Component.get_context_data(self, parent_context)
        context["request"] = request
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            context["workflow_states"] = WorkflowState.objects.none()
            return context
        # Wagtail's query (UserObjectsInWorkflowModerationPanel), without its prefetches
        # of "content_object" and "content_object__latest_revision".
        pages_owned_by_user = Q(base_content_type_id=get_default_page_content_type().id) & Exists(
            Page.objects.filter(
                owner=request.user,
                id=Cast(OuterRef("object_id"), output_field=IntegerField()),
            )
        )
        states = list(
            WorkflowState.objects.active()
            .filter(pages_owned_by_user | Q(requested_by=request.user))
            .select_related("current_task_state", "current_task_state__task")
            .order_by("-current_task_state__started_at")
        )
        _give_content_objects(request, states)
        context["workflow_states"] = [state for state in states if state.content_object]
        return context


# The objects both panels list (a draft the user submitted is often one they review), by
# (content type id, object id), kept on the request.
CONTENT_OBJECTS = "_nfp_workflow_content_objects"


def _give_content_objects(request, rows: list) -> None:
    """Each row (a revision or a workflow state) gets its `content_object`, of its own type
    and with its latest revision, as Wagtail's prefetches give them; read once per request
    for both panels, one query per type not read yet."""
    known = request.__dict__.setdefault(CONTENT_OBJECTS, {})
    missing = defaultdict(set)
    for row in rows:
        key = (row.content_type_id, str(row.object_id))
        if key not in known:
            missing[row.content_type_id].add(row.object_id)
    for content_type_id, object_ids in missing.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        objects = model._base_manager.filter(pk__in=object_ids)
        if any(field.name == "latest_revision" for field in model._meta.get_fields()):
            objects = objects.select_related("latest_revision")
        for obj in objects:
            known[(content_type_id, str(obj.pk))] = obj
    for row in rows:
        field = row._meta.get_field("content_object")
        field.set_cached_value(row, known.get((row.content_type_id, str(row.object_id))))


def _active_tasks() -> dict[int, Task]:
    """{id: task} for the active tasks, each of its own class: one query per kind of task
    (Wagtail's `.specific()` first asks which kinds the tasks are, one more)."""
    tasks = {}
    for model in get_task_types():
        content_type = ContentType.objects.get_for_model(model)
        for task in model.objects.filter(active=True, content_type=content_type):
            tasks[task.pk] = task
    return tasks


def replace_wagtails_panel(request, panels: list) -> None:
    """For `construct_homepage_panels`: these panels in the place of Wagtail's."""
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = BatchedWorkflowObjectsToModeratePanel()
        elif type(panel) is UserObjectsInWorkflowModerationPanel:
            panels[index] = BatchedUserObjectsInWorkflowModerationPanel()


def _give_objects_their_workflow_state(states: list, tasks: dict) -> None:
    """Each object gets its active workflow state, whose current task state and task are
    already specific: `page.current_workflow_task` (asked by `can_edit`) reads no more."""
    for state in states:
        workflow_state = state.workflow_state
        task = tasks.get(state.task_id)
        if (
            task is None
            or workflow_state.current_task_state_id != state.pk
            or workflow_state.status not in ACTIVE
        ):
            continue  # not the object's current task: Wagtail's properties ask as usual
        # The specific task state from the row's own values (a joint approval's task state
        # adds no field): no query.
        specific_state = state.specific_deferred
        specific_state.task = task
        specific_state.workflow_state = workflow_state
        workflow_state.current_task_state = specific_state
        state.revision.content_object._current_workflow_states = [workflow_state]


def _all_tasks_with_status(workflow_states: set) -> dict[int, list]:
    """`WorkflowState.all_tasks_with_status()` for each workflow state, in two queries."""
    workflow_ids = {state.workflow_id for state in workflow_states}
    tasks_of = defaultdict(list)
    for task in (
        Task.objects.filter(workflow_tasks__workflow_id__in=workflow_ids)
        .annotate(_workflow_id=F("workflow_tasks__workflow_id"))
        .order_by("workflow_tasks__sort_order")
    ):
        tasks_of[task._workflow_id].append(task)

    task_states = TaskState.objects.filter(workflow_state__in=workflow_states)
    if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        # As Wagtail: only the task states of the object's latest revision count.
        latest_revision = (
            Revision.objects.filter(
                base_content_type_id=OuterRef("workflow_state__base_content_type_id"),
                object_id=OuterRef("workflow_state__object_id"),
            )
            .order_by("-created_at", "-id")
            .values("id")[:1]
        )
        task_states = task_states.filter(revision_id=Subquery(latest_revision))
    status_of = {}
    for workflow_state_id, task_id, status in task_states.order_by(
        "-started_at", "-id"
    ).values_list("workflow_state_id", "task_id", "status"):
        status_of.setdefault((workflow_state_id, task_id), status)

    status_choices = dict(TaskState.STATUS_CHOICES)
    result = {}
    for workflow_state in workflow_states:
        tasks = []
        for task in tasks_of[workflow_state.workflow_id]:
            task = copy.copy(task)
            task.status = status_of.get((workflow_state.pk, task.pk))
            task.status_display = status_choices.get(task.status) or gettext(NOT_STARTED)
            tasks.append(task)
        result[workflow_state.pk] = tasks
    return result
