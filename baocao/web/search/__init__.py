"""Search across the reports a user may see: diacritic-insensitive, abbreviation-aware.

Every sentence of the current version of every report is a row of `Sentence` (written when a
version is stored, removed when it is superseded). SQLite searches an FTS5 index over the
folded shadow column (`fold()`: đ→d, no marks, lower case); PostgreSQL a GIN index over
`to_tsvector('simple', baocao_unaccent(text))`, an IMMUTABLE wrapper of `unaccent`.
"""
