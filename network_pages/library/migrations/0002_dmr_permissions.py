"""The DMR Secretariat corrects and removes library entries and versions in the admin (4.9);
files are added on the site only, so "add" is not given."""

from django.db import migrations

DMR_SECRETARIAT = "DMR Secretariat"
ACTION_NAMES = {"change": "Can change", "delete": "Can delete", "view": "Can view"}
MODELS = ("libraryentry", "libraryversion")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    dmr, _ = Group.objects.get_or_create(name=DMR_SECRETARIAT)
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="library", model=model)
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
                content_type__app_label="library", content_type__model__in=MODELS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_library_entries_and_versions"),
        ("network_pages", "0003_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
