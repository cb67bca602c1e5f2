"""The sentence table, its full-text index (per database, see backends.py), and the sentences of
the reports stored before search existed."""

import django.db.models.deletion
from django.db import migrations, models


def install_index(apps, schema_editor):
    from baocao.web.search.backends import install

    install(schema_editor.connection)


def uninstall_index(apps, schema_editor):
    from baocao.web.search.backends import uninstall

    uninstall(schema_editor.connection)


def index_existing(apps, schema_editor):
    from baocao.web.search.index import index_version

    Sentence = apps.get_model("search", "Sentence")
    ReportVersion = apps.get_model("reports", "ReportVersion")
    for version in ReportVersion.objects.filter(superseded_at__isnull=True).select_related("report").iterator():
        index_version(version, Sentence)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("periods", "0001_initial"),
        ("reports", "0001_initial"),
        ("units", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="Sentence",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("paragraph", models.CharField(blank=True, max_length=40, verbose_name="đoạn")),
                ("footnote", models.IntegerField(blank=True, null=True, verbose_name="chú thích")),
                ("start", models.IntegerField(default=0)),
                ("end", models.IntegerField(default=0)),
                ("section", models.CharField(blank=True, max_length=300, verbose_name="mục")),
                ("text", models.TextField(verbose_name="câu")),
                ("folded", models.TextField(verbose_name="câu không dấu")),
                ("period", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                             to="periods.period", verbose_name="kỳ")),
                ("report", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                             to="reports.report", verbose_name="báo cáo")),
                ("unit", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                           to="units.unit", verbose_name="đơn vị")),
                ("version", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                              to="reports.reportversion", verbose_name="phiên bản")),
            ],
            options={
                "verbose_name": "câu trong báo cáo",
                "verbose_name_plural": "câu trong báo cáo",
                "db_table": "search_sentence",
                "indexes": [models.Index(fields=["version"], name="search_sentence_version")],
            },
        ),
        migrations.RunPython(install_index, uninstall_index),
        migrations.RunPython(index_existing, migrations.RunPython.noop),
    ]
