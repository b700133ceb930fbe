"""The DMR Secretariat sees the outgoing emails and sends failed ones again (issue 14)."""

from django.db import migrations

DMR_SECRETARIAT = "DMR Secretariat"
PERMISSIONS = {
    "view_outboundemail": "Can view outgoing email",
    "resend_outboundemail": "Can send a failed email again",
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    dmr, _ = Group.objects.get_or_create(name=DMR_SECRETARIAT)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="operations", model="outboundemail"
    )
    for codename, name in PERMISSIONS.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        dmr.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    dmr = Group.objects.filter(name=DMR_SECRETARIAT).first()
    if dmr is not None:
        dmr.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="operations", codename__in=list(PERMISSIONS)
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0001_initial"),
        ("network_pages", "0003_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
