from django.db import migrations

# The Council of Europe's 46 member states: ISO 3166-1 alpha-2, English, French.
MEMBER_STATES = [
    ("AL", "Albania", "Albanie"),
    ("AD", "Andorra", "Andorre"),
    ("AM", "Armenia", "Arménie"),
    ("AT", "Austria", "Autriche"),
    ("AZ", "Azerbaijan", "Azerbaïdjan"),
    ("BE", "Belgium", "Belgique"),
    ("BA", "Bosnia and Herzegovina", "Bosnie-Herzégovine"),
    ("BG", "Bulgaria", "Bulgarie"),
    ("HR", "Croatia", "Croatie"),
    ("CY", "Cyprus", "Chypre"),
    ("CZ", "Czech Republic", "République tchèque"),
    ("DK", "Denmark", "Danemark"),
    ("EE", "Estonia", "Estonie"),
    ("FI", "Finland", "Finlande"),
    ("FR", "France", "France"),
    ("GE", "Georgia", "Géorgie"),
    ("DE", "Germany", "Allemagne"),
    ("GR", "Greece", "Grèce"),
    ("HU", "Hungary", "Hongrie"),
    ("IS", "Iceland", "Islande"),
    ("IE", "Ireland", "Irlande"),
    ("IT", "Italy", "Italie"),
    ("LV", "Latvia", "Lettonie"),
    ("LI", "Liechtenstein", "Liechtenstein"),
    ("LT", "Lithuania", "Lituanie"),
    ("LU", "Luxembourg", "Luxembourg"),
    ("MT", "Malta", "Malte"),
    ("MD", "Republic of Moldova", "République de Moldova"),
    ("MC", "Monaco", "Monaco"),
    ("ME", "Montenegro", "Monténégro"),
    ("NL", "Netherlands", "Pays-Bas"),
    ("MK", "North Macedonia", "Macédoine du Nord"),
    ("NO", "Norway", "Norvège"),
    ("PL", "Poland", "Pologne"),
    ("PT", "Portugal", "Portugal"),
    ("RO", "Romania", "Roumanie"),
    ("SM", "San Marino", "Saint-Marin"),
    ("RS", "Serbia", "Serbie"),
    ("SK", "Slovak Republic", "République slovaque"),
    ("SI", "Slovenia", "Slovénie"),
    ("ES", "Spain", "Espagne"),
    ("SE", "Sweden", "Suède"),
    ("CH", "Switzerland", "Suisse"),
    ("TR", "Türkiye", "Türkiye"),
    ("UA", "Ukraine", "Ukraine"),
    ("GB", "United Kingdom", "Royaume-Uni"),
]


def create_member_states(apps, schema_editor):
    MemberState = apps.get_model("network_pages", "MemberState")
    for code, name_en, name_fr in MEMBER_STATES:
        MemberState.objects.update_or_create(
            code=code, defaults={"name_en": name_en, "name_fr": name_fr}
        )


def remove_member_states(apps, schema_editor):
    MemberState = apps.get_model("network_pages", "MemberState")
    MemberState.objects.filter(code__in=[code for code, _en, _fr in MEMBER_STATES]).delete()


class Migration(migrations.Migration):
    dependencies = [("network_pages", "0001_initial")]

    operations = [migrations.RunPython(create_member_states, remove_member_states)]
