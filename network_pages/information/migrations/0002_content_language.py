"""4.6: an information item says the language it was written in. Existing items take the
preferred language of the member who submitted them (else of the page's owner), else
English (the DMR's news was written in the network's language)."""

from django.db import migrations, models


def fill_from_authors(apps, schema_editor):
    InformationItemPage = apps.get_model("information", "InformationItemPage")
    MemberProfile = apps.get_model("network_pages", "MemberProfile")
    preferred = dict(
        MemberProfile.objects.filter(preferred_language__in=["en", "fr"]).values_list(
            "user_id", "preferred_language"
        )
    )
    by_language: dict[str, list[int]] = {"en": [], "fr": []}
    items = InformationItemPage.objects.values_list("pk", "submitted_by_id", "owner_id")
    for pk, submitted_by_id, owner_id in items:
        language = preferred.get(submitted_by_id) or preferred.get(owner_id) or "en"
        by_language[language].append(pk)
    for language, pks in by_language.items():
        if pks:
            InformationItemPage.objects.filter(pk__in=pks).update(language=language)


class Migration(migrations.Migration):
    dependencies = [
        ("information", "0001_initial"),
        ("network_pages", "0004_joint_approval_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="informationitempage",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("fr", "French")],
                default="en",
                help_text=(
                    "The language the information is written in (4.6): it is shown in that "
                    "language to every reader."
                ),
                max_length=2,
                verbose_name="language",
            ),
        ),
        migrations.RunPython(fill_from_authors, migrations.RunPython.noop),
    ]
