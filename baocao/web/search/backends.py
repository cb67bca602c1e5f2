"""The full-text index per database: SQLite FTS5 over the folded column, PostgreSQL GIN over unaccent.

SQLite: FTS5's `remove_diacritics 2` does not fold đ, so the index is built over the `folded`
shadow column that `baocao.text.normalize.fold` writes (an external-content FTS5 table kept in
step by triggers). PostgreSQL: `unaccent` is STABLE, not IMMUTABLE, so an index cannot use it;
`baocao_unaccent(text)` wraps it as IMMUTABLE (with the dictionary named, so the search_path
cannot change its meaning). Where the extension cannot be created, the wrapper folds the
Vietnamese letters with `translate` instead, so search keeps working.
"""

from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

FTS_TABLE = "search_sentence_fts"

SQLITE_INSTALL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(folded, content='search_sentence', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS search_sentence_ai AFTER INSERT ON search_sentence BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, folded) VALUES (new.id, new.folded); END",
    "CREATE TRIGGER IF NOT EXISTS search_sentence_ad AFTER DELETE ON search_sentence BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, folded) VALUES ('delete', old.id, old.folded); END",
    "CREATE TRIGGER IF NOT EXISTS search_sentence_au AFTER UPDATE OF folded ON search_sentence BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, folded) VALUES ('delete', old.id, old.folded); "
    f"INSERT INTO {FTS_TABLE}(rowid, folded) VALUES (new.id, new.folded); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
SQLITE_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_sentence_ai",
    "DROP TRIGGER IF EXISTS search_sentence_ad",
    "DROP TRIGGER IF EXISTS search_sentence_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]

# Vietnamese (and common Latin) letters with marks → base letters, for the fallback wrapper.
_MARKED = ("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
           "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ")
_PLAIN = ("aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
          "AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD")
assert len(_MARKED) == len(_PLAIN)

# The vector is a stored generated column: an index on the expression alone would make PostgreSQL
# compute unaccent and to_tsvector again for every candidate row when it rechecks a phrase
# (0.7 s for a common word at province scale), the stored column is read instead.
PG_VECTOR_COLUMN = ("ALTER TABLE search_sentence ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS "
                    "(to_tsvector('simple'::regconfig, baocao_unaccent(text))) STORED")
PG_INDEX = "CREATE INDEX IF NOT EXISTS search_sentence_tsv ON search_sentence USING gin (tsv)"
PG_UNINSTALL = ["DROP INDEX IF EXISTS search_sentence_tsv", "ALTER TABLE search_sentence DROP COLUMN IF EXISTS tsv",
                "DROP FUNCTION IF EXISTS baocao_unaccent(text)"]
PG_VECTOR = "search_sentence.tsv"


def _pg_unaccent_schema(cursor: Any) -> str | None:
    cursor.execute("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                   "WHERE e.extname = 'unaccent'")
    row = cursor.fetchone()
    return row[0] if row else None


def _pg_try_extension(connection: Any) -> str | None:
    """Create `unaccent` when allowed (a savepoint keeps a refusal from aborting the migration)."""
    from django.db import transaction

    with connection.cursor() as cur:
        schema = _pg_unaccent_schema(cur)
    if schema:
        return schema
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cur:
            cur.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    except Exception:  # no privilege or no contrib package: fall back to translate()
        return None
    with connection.cursor() as cur:
        return _pg_unaccent_schema(cur)


def pg_function_sql(schema: str | None) -> str:
    if schema:
        q = '"' + schema.replace('"', '""') + '"'
        body = f"SELECT {q}.unaccent('{q}.unaccent'::regdictionary, $1)"
    else:
        body = f"SELECT translate($1, '{_MARKED}', '{_PLAIN}')"
    return ("CREATE OR REPLACE FUNCTION baocao_unaccent(text) RETURNS text "
            f"LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ {body} $$")


def install(connection: Any) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cur:
            for sql in SQLITE_INSTALL:
                cur.execute(sql)
    elif connection.vendor == "postgresql":
        schema = _pg_try_extension(connection)
        with connection.cursor() as cur:
            cur.execute(pg_function_sql(schema))
            stored_vector(cur)


def stored_vector(cur: Any) -> None:
    """The stored vector column and its GIN index, replacing an index on the expression (0001 made
    one before 0003)."""
    cur.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_sentence_tsv'")
    row = cur.fetchone()
    if row and "to_tsvector" in row[0]:
        cur.execute("DROP INDEX search_sentence_tsv")
    cur.execute(PG_VECTOR_COLUMN)
    cur.execute(PG_INDEX)


def uninstall(connection: Any) -> None:
    statements = {"sqlite": SQLITE_UNINSTALL, "postgresql": PG_UNINSTALL}.get(connection.vendor, [])
    with connection.cursor() as cur:
        for sql in statements:
            cur.execute(sql)


def fts5_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_condition(vendor: str, phrases: list[str], words: list[str] | None) -> Any:
    """A filter on Sentence: any of the folded `phrases` (adjacent words), or all of `words` (of the
    first phrase, the query as typed) anywhere in the sentence."""
    if vendor == "sqlite":
        if words:
            expr = " AND ".join(fts5_phrase(w) for w in words)
        else:
            expr = " OR ".join(fts5_phrase(p) for p in phrases)
        return Q(id__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expr]))
    if vendor == "postgresql":
        if words:
            query, params = "plainto_tsquery('simple'::regconfig, %s)", [phrases[0]]
        else:
            query = " || ".join(["phraseto_tsquery('simple'::regconfig, %s)"] * len(phrases))
            params = list(phrases)
        return RawSQL(f"{PG_VECTOR} @@ ({query})", params, output_field=BooleanField())
    # other databases: a plain scan of the folded column (slow, but right)
    cond = Q()
    if words:
        for w in words:
            cond &= Q(folded__contains=w)
        return cond
    for p in phrases:
        cond |= Q(folded__contains=p)
    return cond
