"""4.6: a comment says the language it was written in. Existing comments take their
author's preferred language (the language of their interface), else English."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_from_authors(apps, schema_editor):
    MemberComment = apps.get_model("community", "MemberComment")
    MemberProfile = apps.get_model("network_pages", "MemberProfile")
    preferred = MemberProfile.objects.filter(user_id=OuterRef("author_id")).values(
        "preferred_language"
    )[:1]
    MemberComment.objects.filter(
        author__member_profile__preferred_language__in=["en", "fr"]
    ).update(language=Subquery(preferred))


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_dmr_permissions"),
        ("network_pages", "0004_joint_approval_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="membercomment",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("fr", "French")],
                default="en",
                max_length=2,
                verbose_name="language",
            ),
        ),
        migrations.RunPython(fill_from_authors, migrations.RunPython.noop),
    ]
