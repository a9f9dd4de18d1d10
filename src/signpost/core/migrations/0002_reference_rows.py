from django.db import migrations

from signpost.core.reference_data import ITL1_REGIONS, SECTORS


def create_rows(apps, schema_editor):
    Sector = apps.get_model("core", "Sector")
    Region = apps.get_model("core", "Region")
    for slug, name in SECTORS:
        Sector.objects.update_or_create(slug=slug, defaults={"name": name})
    for code, name, slug in ITL1_REGIONS:
        Region.objects.update_or_create(
            slug=slug, defaults={"code": code, "name": name, "country": "GB", "is_itl1": True}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(create_rows, migrations.RunPython.noop)]
