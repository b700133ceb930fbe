"""The DMR Secretariat records decisions and action points in the admin (4.2, 4.9)."""

from django.db import migrations

DMR_SECRETARIAT = "DMR Secretariat"
ACTION_NAMES = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}
MODELS = ("decision", "actionpoint")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    dmr, _ = Group.objects.get_or_create(name=DMR_SECRETARIAT)
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="decisions", model=model)
        for action, name in ACTION_NAMES.items():
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"{name} {model}"},
            )
            dmr.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    dmr = Group.objects.filter(name=DMR_SECRETARIAT).first()
    if dmr is not None:
        dmr.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="decisions", content_type__model__in=MODELS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("decisions", "0001_decisions_and_action_points"),
        ("network_pages", "0003_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
