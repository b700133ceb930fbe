"""The DMR Secretariat keeps the holidays (4.1) and decides on agenda suggestions (4.4).

Model permissions only: convening meetings also needs publish permission on the page, which
the roles migration gives the DMR on the whole tree.
"""

from django.db import migrations

DMR_SECRETARIAT = "DMR Secretariat"
ACTION_NAMES = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}
MODEL_PERMISSIONS = {
    "holiday": ["add", "change", "delete", "view"],
    "agendasuggestion": ["change", "view"],
    "convocation": ["view"],
    "attendance": ["view"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    dmr, _ = Group.objects.get_or_create(name=DMR_SECRETARIAT)
    for model, actions in MODEL_PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="meetings", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"{ACTION_NAMES[action]} {model}"},
            )
            dmr.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    dmr = Group.objects.filter(name=DMR_SECRETARIAT).first()
    if dmr is not None:
        dmr.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="meetings",
                content_type__model__in=list(MODEL_PERMISSIONS),
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        ("network_pages", "0003_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
