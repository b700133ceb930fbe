"""The DMR Secretariat manages thematic groups and rapporteurs and moderates comments (4.8,
4.9) in the Wagtail admin; no other role has admin access."""

from django.db import migrations

DMR_SECRETARIAT = "DMR Secretariat"
MODEL_PERMISSIONS = {
    "membership": ["add", "change", "delete", "view"],
    "rapporteur": ["add", "change", "delete", "view"],
    "membercomment": ["change", "view"],
}
ACTION_NAMES = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    dmr, _ = Group.objects.get_or_create(name=DMR_SECRETARIAT)
    for model, actions in MODEL_PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="community", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"{ACTION_NAMES[action]} {model}"},
            )
            dmr.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    dmr = Group.objects.filter(name=DMR_SECRETARIAT).first()
    if dmr is not None:
        dmr.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="community", content_type__model__in=MODEL_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("network_pages", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
