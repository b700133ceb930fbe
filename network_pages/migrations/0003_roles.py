"""The network's roles as groups, with the Wagtail permissions DESIGN.md gives them.

DMR Secretariat (4.9): the Wagtail admin, every page, document and image, member states,
profiles, national networks and invitations. Focal Points, Network approvers and Guests:
no admin access; what they see is decided by page view restrictions.
"""

from django.db import migrations

FOCAL_POINTS = "Focal Points"
NETWORK_APPROVERS = "Network approvers"
DMR_SECRETARIAT = "DMR Secretariat"
GUESTS = "Guests"

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    ("wagtaildocs", "document"): ["add_document", "change_document", "choose_document"],
    ("wagtailimages", "image"): ["add_image", "change_image", "choose_image"],
}
MODEL_PERMISSIONS = {
    ("wagtailadmin", "admin"): ["access_admin"],
    ("network_pages", "memberstate"): ["add", "change", "view"],
    ("network_pages", "memberprofile"): ["add", "change", "view"],
    ("network_pages", "nationalnetworkorganisation"): ["add", "change", "delete", "view"],
    ("network_pages", "invitation"): ["add", "view"],
    ("auth", "user"): ["add", "change", "view"],
}
ACTION_NAMES = {"add": "Can add", "change": "Can change", "delete": "Can delete", "view": "Can view"}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    if codename in ACTION_NAMES:
        name = f"{ACTION_NAMES[codename]} {model}"
        codename = f"{codename}_{model}"
    else:
        name = codename.replace("_", " ").capitalize()
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    for name in (FOCAL_POINTS, NETWORK_APPROVERS, GUESTS):
        Group.objects.get_or_create(name=name)
    dmr, _ = Group.objects.get_or_create(name=DMR_SECRETARIAT)

    for (app_label, model), codenames in MODEL_PERMISSIONS.items():
        for codename in codenames:
            dmr.permissions.add(permission(apps, app_label, model, codename))

    root_page = Page.objects.get(depth=1)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=dmr,
            page=root_page,
            permission=permission(apps, "wagtailcore", "page", codename),
        )

    root_collection = Collection.objects.get(depth=1)
    for (app_label, model), codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=dmr,
                collection=root_collection,
                permission=permission(apps, app_label, model, codename),
            )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(
        name__in=[FOCAL_POINTS, NETWORK_APPROVERS, DMR_SECRETARIAT, GUESTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network_pages", "0002_member_states"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
