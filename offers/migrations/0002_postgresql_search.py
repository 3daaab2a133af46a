"""Full-text and trigram indexes of offers on PostgreSQL; other databases are skipped.

The index expressions must stay the same as those in offers/search.py (a test
compares them). The unaccent and pg_trgm extensions and the `portal_unaccent`
function and configuration come from companies' migration 0002.
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


def column(name):
    return f'{TABLE}."{name}"'


def field_for_reader(field, language):
    source = " ".join(f"WHEN '{code}' THEN {column(f'{field}_{code}')}" for code in LANGUAGES)
    reader = column(f"{field}_{language}")
    return (
        f"coalesce(CASE WHEN btrim(coalesce({reader}, '')) <> '' THEN {reader} "
        f"ELSE CASE {column('source_language')} {source} END END, '')"
    )


def reader_document(language):
    parts = [field_for_reader(field, language) for field in FIELDS]
    parts.append(f"coalesce({column('keywords')}, '')")
    return " || ' ' || ".join(parts)


def trigram_document(language):
    return f"portal_unaccent(lower({reader_document(language)}))"


def fulltext_vector(language):
    config = CONFIGS.get(language, "portal_unaccent")
    return f"to_tsvector('{config}'::regconfig, {reader_document(language)})"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = [
        f"CREATE INDEX offers_offer_fts_{code} ON {TABLE} USING gin (({fulltext_vector(code)}))"
        for code in LANGUAGES
    ]
    statements += [
        f"CREATE INDEX offers_offer_trgm_{code} ON {TABLE} "
        f"USING gin (({trigram_document(code)}) gin_trgm_ops)"
        for code in LANGUAGES
    ]
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for code in LANGUAGES:
            cursor.execute(f"DROP INDEX IF EXISTS offers_offer_fts_{code}")
            cursor.execute(f"DROP INDEX IF EXISTS offers_offer_trgm_{code}")


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0001_initial"),
        ("companies", "0002_postgresql_search"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
