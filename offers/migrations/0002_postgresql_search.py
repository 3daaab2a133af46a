"""The search columns of offers on PostgreSQL; other databases are skipped.

For each of the eight languages a stored generated column `search_<code>`
holds the tsvector of the text a reader of that language is shown (each field
in the reader's language, or in the offer's source language where it has no
text), with that language's configuration, and a GIN index
`offers_offer_fts_<code>` reads it. PostgreSQL keeps the columns up to date
on every write, and a search reads them instead of parsing every text again.
offers/search.py searches them and names the same configurations. The
`portal_unaccent` configuration comes from companies' migration 0002.
"""

from django.db import migrations

LANGUAGES = ["pl", "en", "de", "it", "cs", "hu", "ro", "bg"]
FIELDS = ["title", "summary", "description", "partner_sought"]
CONFIGS = {
    "en": "english",
    "de": "german",
    "it": "italian",
    "hu": "hungarian",
    "ro": "romanian",
}
TABLE = '"offers_offer"'


def field_for_reader(field, language):
    source = " ".join(f"WHEN '{code}' THEN \"{field}_{code}\"" for code in LANGUAGES)
    reader = f'"{field}_{language}"'
    return (
        f"coalesce(CASE WHEN btrim(coalesce({reader}, '')) <> '' THEN {reader} "
        f"ELSE CASE \"source_language\" {source} END END, '')"
    )


def reader_document(language):
    parts = [field_for_reader(field, language) for field in FIELDS]
    parts.append("coalesce(\"keywords\", '')")
    return " || ' ' || ".join(parts)


def fulltext_vector(language):
    config = CONFIGS.get(language, "portal_unaccent")
    return f"to_tsvector('{config}'::regconfig, {reader_document(language)})"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    columns = ", ".join(
        f'ADD COLUMN "search_{code}" tsvector GENERATED ALWAYS AS ({fulltext_vector(code)}) STORED'
        for code in LANGUAGES
    )
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} {columns}")
        for code in LANGUAGES:
            cursor.execute(
                f'CREATE INDEX offers_offer_fts_{code} ON {TABLE} USING gin ("search_{code}")'
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    columns = ", ".join(f'DROP COLUMN IF EXISTS "search_{code}"' for code in LANGUAGES)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} {columns}")


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0001_initial"),
        ("companies", "0002_postgresql_search"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
