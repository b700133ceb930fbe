"""3.3 by construction: no group may publish in the public section (issue 12).

- Every group loses "publish" wherever it would reach the public section (the Root page,
  the home pages...). The DMR Secretariat keeps publishing in the network area: its grant
  moves from the Root page to each network root (`network_area.ensure_network_area` gives
  it on new installations, whose pages do not exist yet when this runs).
- Wagtail's default "Moderators approval" workflow leaves the Root page and is deactivated:
  nobody can approve it, and the public section has the joint approval.
- The DMR Secretariat may translate with wagtail-localize ("Translate this page"); the
  translation is published only by the joint approval.
"""

from django.db import migrations

DMR_SECRETARIAT = "DMR Secretariat"
MODERATORS_WORKFLOW = "Moderators approval"


def _network_paths(apps) -> list[str]:
    NetworkHomePage = apps.get_model("network_pages", "NetworkHomePage")
    return list(NetworkHomePage.objects.values_list("path", flat=True))


def _in_network_area(path: str, network_paths: list[str]) -> bool:
    return any(path.startswith(network) for network in network_paths)


def close_the_public_section(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    NetworkHomePage = apps.get_model("network_pages", "NetworkHomePage")
    network_paths = _network_paths(apps)

    publish = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="publish_page"
    ).first()
    if publish is not None:
        dmr = Group.objects.filter(name=DMR_SECRETARIAT).first()
        grants = GroupPagePermission.objects.filter(permission=publish).select_related("page")
        for grant in grants:
            if _in_network_area(grant.page.path, network_paths):
                continue
            if dmr is not None and grant.group_id == dmr.pk:
                for network in NetworkHomePage.objects.all():
                    GroupPagePermission.objects.get_or_create(
                        group=dmr, page_id=network.pk, permission=publish
                    )
            grant.delete()

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.filter(workflow__name=MODERATORS_WORKFLOW).delete()
    Workflow.objects.filter(name=MODERATORS_WORKFLOW).update(active=False)

    translate = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    dmr = Group.objects.filter(name=DMR_SECRETARIAT).first()
    if translate is not None and dmr is not None:
        dmr.permissions.add(translate)


def reopen(apps, schema_editor):
    """Back to publish on the Root page for the DMR (the workflow stays inactive)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    dmr = Group.objects.filter(name=DMR_SECRETARIAT).first()
    publish = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="publish_page"
    ).first()
    if dmr is not None and publish is not None:
        GroupPagePermission.objects.get_or_create(
            group=dmr, page=Page.objects.get(depth=1), permission=publish
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network_pages", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(close_the_public_section, reopen)]
