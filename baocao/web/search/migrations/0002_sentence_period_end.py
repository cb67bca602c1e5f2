"""Each sentence keeps its period's end date, so results sort newest first without a join."""

from django.db import migrations, models


def fill(apps, schema_editor):
    with schema_editor.connection.cursor() as cur:
        cur.execute("UPDATE search_sentence SET period_end = (SELECT window_end FROM periods_period "
                    "WHERE periods_period.id = search_sentence.period_id)")


class Migration(migrations.Migration):

    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.AddField(model_name="sentence", name="period_end",
                            field=models.DateField(null=True, verbose_name="kỳ đến ngày")),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
