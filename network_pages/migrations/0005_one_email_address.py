"""One email address per person (issue 16): the profile's "work email" goes.

Until now a profile could keep a work address that took precedence over the account's
address for convocations and the directory, while notifications went to the account's. From
now on the account's address (User.email) is the only one. For each profile whose work
address is set and differs (in any letter case) from its account's:

- if no other account uses the work address (in any letter case, counting addresses this
  migration has already given), it becomes the account's address, and the audit log records
  the previous one (`network_pages.email_merged`);
- otherwise the account keeps its address and the audit log records the work address that
  was dropped and the conflict (`network_pages.email_merge_conflict`), for the DMR to settle.

Nobody is emailed from a migration; the DMR sees every change in Reports › Site history.
Then the field is removed. Reversing restores an empty field (the addresses stay merged).

The logic is in plain functions (`decide`, `apply`) so that a test runs them on rows.
"""

from dataclasses import dataclass

from django.db import migrations
from django.utils import timezone

MERGED = "network_pages.email_merged"
CONFLICT = "network_pages.email_merge_conflict"


@dataclass(frozen=True)
class Row:
    user_id: int
    username: str
    account_email: str
    work_email: str


@dataclass(frozen=True)
class Decision:
    row: Row
    action: str  # MERGED or CONFLICT

    @property
    def data(self) -> dict:
        if self.action == MERGED:
            return {"previous_email": self.row.account_email, "email": self.row.work_email}
        return {"email": self.row.account_email, "dropped_work_email": self.row.work_email}


def decide(rows, addresses_in_use) -> list[Decision]:
    """What to do with each row whose work address differs from its account's.

    `addresses_in_use`: every account address, in any case. A row's own account address does
    not count against it; an address given to one row is taken for the next ones.
    """
    taken: dict[str, int] = {}
    for user_id, email in addresses_in_use:
        if email:
            taken.setdefault(email.strip().casefold(), user_id)
    decisions = []
    for row in sorted(rows, key=lambda row: row.user_id):
        work = row.work_email.strip().casefold()
        if not work or work == (row.account_email or "").strip().casefold():
            continue
        holder = taken.get(work)
        if holder is not None and holder != row.user_id:
            decisions.append(Decision(row, CONFLICT))
            continue
        taken[work] = row.user_id
        decisions.append(Decision(row, MERGED))
    return decisions


def apply(decisions, User, LogEntry, user_content_type) -> None:
    """Write the decisions: the account's new address, and one audit entry each."""
    now = timezone.now()
    for decision in decisions:
        if decision.action == MERGED:
            User.objects.filter(pk=decision.row.user_id).update(
                email=decision.row.work_email.strip()
            )
        LogEntry.objects.create(
            content_type=user_content_type,
            object_id=str(decision.row.user_id),
            label=decision.row.username,
            action=decision.action,
            data=decision.data,
            timestamp=now,
            user=None,
        )


def rows_of(MemberProfile) -> list[Row]:
    return [
        Row(user_id, username, account_email or "", work_email)
        for user_id, username, account_email, work_email in MemberProfile.objects.exclude(
            work_email=""
        ).values_list("user_id", "user__username", "user__email", "work_email")
    ]


def merge_work_addresses(apps, schema_editor):
    MemberProfile = apps.get_model("network_pages", "MemberProfile")
    User = apps.get_model("auth", "User")
    LogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    rows = rows_of(MemberProfile)
    if not rows:
        return
    decisions = decide(rows, User.objects.values_list("pk", "email"))
    content_type, _ = ContentType.objects.get_or_create(app_label="auth", model="user")
    apply(decisions, User, LogEntry, content_type)


class Migration(migrations.Migration):
    dependencies = [
        ("network_pages", "0004_joint_approval_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(merge_work_addresses, migrations.RunPython.noop),
        migrations.RemoveField(model_name="memberprofile", name="work_email"),
    ]
