"""The admin widget for a joint-approval task's parties: rows of group, quorum, review."""

import json

from django import forms
from django.contrib.auth.models import Group

EXTRA_ROWS = 2


class PartiesWidget(forms.Widget):
    """Edits the task's `parties` JSON as rows; the form field still receives JSON text."""

    template_name = "workflows/widgets/parties.html"

    def _rows(self, value) -> list[dict]:
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                value = []
        rows = [entry for entry in value or [] if isinstance(entry, dict)]
        return [*rows, *({"quorum": 1} for _ in range(EXTRA_ROWS))]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = []
        for index, row in enumerate(self._rows(value)):
            prefix = f"{name}-{index}"
            rows.append(
                {
                    "index": index,
                    "group_name": f"{prefix}-group",
                    "quorum_name": f"{prefix}-quorum",
                    "review_name": f"{prefix}-precaution_review",
                    "group": str(row.get("group", "")),
                    "quorum": row.get("quorum", 1),
                    "precaution_review": bool(row.get("precaution_review")),
                }
            )
        context["widget"].update(
            rows=rows,
            count=len(rows),
            groups=[(str(pk), label) for pk, label in Group.objects.values_list("pk", "name")],
        )
        return context

    def value_from_datadict(self, data, files, name):
        try:
            count = int(data.get(f"{name}-count", 0))
        except ValueError:
            count = 0
        parties = []
        for index in range(min(count, 50)):
            group = data.get(f"{name}-{index}-group", "")
            if not group:
                continue
            quorum = data.get(f"{name}-{index}-quorum", "1") or "1"
            parties.append(
                {
                    "group": int(group) if group.isdigit() else group,
                    "quorum": int(quorum) if quorum.isdigit() else quorum,
                    "precaution_review": bool(data.get(f"{name}-{index}-precaution_review")),
                }
            )
        return json.dumps(parties)

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-count" not in data
