"""Full-text and trigram search on PostgreSQL; other databases are skipped.

The index expressions must stay the same as those in companies/search.py.
"""

from django.db import migrations

LANGUAGES = ["pl", "en", "de", "it", "cs", "hu", "ro", "bg"]
CONFIGS = {
    "en": "english",
    "de": "german",
    "it": "italian",
    "hu": "hungarian",
    "ro": "romanian",
}
TABLE = '"companies_organisation"'


def language_document(language):
    return (
        f"coalesce({TABLE}.\"name\", '') || ' ' || "
        f"coalesce({TABLE}.\"description_{language}\", '') || ' ' || "
        f"coalesce({TABLE}.\"products_{language}\", '')"
    )


def all_languages_document():
    parts = [f"coalesce({TABLE}.\"name\", '')"]
    for code in LANGUAGES:
        parts.append(f"coalesce({TABLE}.\"description_{code}\", '')")
        parts.append(f"coalesce({TABLE}.\"products_{code}\", '')")
    return "portal_unaccent(lower(" + " || ' ' || ".join(parts) + "))"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE OR REPLACE FUNCTION portal_unaccent(text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
        "AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_unaccent",
        "CREATE TEXT SEARCH CONFIGURATION portal_unaccent (COPY = simple)",
        "ALTER TEXT SEARCH CONFIGURATION portal_unaccent "
        "ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, simple",
    ]
    for code in LANGUAGES:
        config = CONFIGS.get(code, "portal_unaccent")
        statements.append(
            f"CREATE INDEX companies_organisation_fts_{code} ON {TABLE} "
            f"USING gin (to_tsvector('{config}'::regconfig, {language_document(code)}))"
        )
    statements.append(
        f"CREATE INDEX companies_organisation_trgm ON {TABLE} "
        f"USING gin (({all_languages_document()}) gin_trgm_ops)"
    )
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for code in LANGUAGES:
            cursor.execute(f"DROP INDEX IF EXISTS companies_organisation_fts_{code}")
        cursor.execute("DROP INDEX IF EXISTS companies_organisation_trgm")
        cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_unaccent")
        cursor.execute("DROP FUNCTION IF EXISTS portal_unaccent(text)")


class Migration(migrations.Migration):
    dependencies = [("companies", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
