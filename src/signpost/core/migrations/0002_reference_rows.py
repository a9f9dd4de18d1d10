from django.db import migrations

from signpost.core.reference_data import ensure_reference_rows


def create_rows(apps, schema_editor):
    ensure_reference_rows(apps.get_model("core", "Sector"), apps.get_model("core", "Region"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(create_rows, migrations.RunPython.noop)]
