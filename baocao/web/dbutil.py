"""Bulk inserts without the ORM's per-field machinery, for the ingest hot path.

`fast_insert` writes plain rows (attribute name → Python value) with one executemany (COPY on
PostgreSQL);
JSON fields are serialised here, foreign keys are given by their `*_id` attribute. It
works on SQLite and PostgreSQL alike; use it only for models without save() logic.
"""

from __future__ import annotations

import json
from typing import Any

from django.db import connection, models
from django.db.models import JSONField


def fast_insert(model: type[models.Model], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({marks})"
    defaults = {f.attname: f.get_default() for f in fields if f.has_default()}
    json_fields = {f.attname for f in fields if isinstance(f, JSONField)}
    params = []
    for row in rows:
        values = []
        for f in fields:
            value = row[f.attname] if f.attname in row else defaults.get(f.attname)
            if f.attname in json_fields:
                value = json.dumps(value, ensure_ascii=False, default=str)
            values.append(value)
        params.append(values)
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":  # COPY: one round trip, no statement per row
            table = connection.ops.quote_name(model._meta.db_table)
            with cur.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for values in params:
                    copy.write_row(values)
        else:
            cur.executemany(sql, params)
