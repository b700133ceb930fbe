"""WAGTAIL_FINISH_WORKFLOW_ACTION: what happens when a joint approval completes (3.3).

Wagtail imports this module while it defines its models, so it imports none at the top.
"""


def move_into_public_section(workflow_state, user=None):
    """Move the approved revision into the public section and publish it there."""
    # Deferred: this module is loaded by wagtail.models itself, before any model exists.
    from workflows.release import release_approved_revision

    return release_approved_revision(workflow_state, user=user)
