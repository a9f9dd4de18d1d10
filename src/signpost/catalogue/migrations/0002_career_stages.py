from django.db import migrations

from signpost.catalogue.models import CAREER_STAGES


def create_rows(apps, schema_editor):
    CareerStage = apps.get_model("catalogue", "CareerStage")
    for position, (slug, name) in enumerate(CAREER_STAGES):
        CareerStage.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(create_rows, migrations.RunPython.noop)]
