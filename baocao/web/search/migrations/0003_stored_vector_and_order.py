"""PostgreSQL: the sentence's vector as a stored generated column under the GIN index (no more
recomputing unaccent on recheck); both databases: an index in the order results are shown."""

from django.db import migrations, models


def stored_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from baocao.web.search.backends import stored_vector

        with schema_editor.connection.cursor() as cur:
            stored_vector(cur)


def expression_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cur:
            cur.execute("DROP INDEX IF EXISTS search_sentence_tsv")
            cur.execute("ALTER TABLE search_sentence DROP COLUMN IF EXISTS tsv")
            cur.execute("CREATE INDEX search_sentence_tsv ON search_sentence "
                        "USING gin (to_tsvector('simple'::regconfig, baocao_unaccent(text)))")


class Migration(migrations.Migration):

    dependencies = [("search", "0002_sentence_period_end")]

    operations = [
        migrations.RunPython(stored_vector, expression_index),
        migrations.AddIndex(model_name="sentence",
                            index=models.Index(fields=["-period_end", "report_id", "id"],
                                               name="search_sentence_order")),
    ]
