"""The directory's search without trigram similarity over each organisation's texts.

On PostgreSQL: a GIN index of the full-text vector of an organisation's texts in
every language (configuration portal_unaccent: lower-cased, without accents, not
stemmed), and a materialized view `companies_searchword` of the distinct words of
published organisations' texts, with a trigram index. A search word is matched by
its beginning in that vector, or by the words of the view that look like it (a
misspelt word), all read from indexes (companies/search.py). The trigram index of
migration 0002 over the whole texts, whose lossy matches were checked by computing
the similarity over each candidate's texts, is dropped. The view is read again
daily (`offer_maintenance`).
Other databases are skipped. The index expression must stay the same as in
companies/search.py.
"""

from django.db import migrations

LANGUAGES = ["pl", "en", "de", "it", "cs", "hu", "ro", "bg"]
TABLE = '"companies_organisation"'


def all_languages_text():
    parts = [f"coalesce({TABLE}.\"name\", '')"]
    for code in LANGUAGES:
        parts.append(f"coalesce({TABLE}.\"description_{code}\", '')")
        parts.append(f"coalesce({TABLE}.\"products_{code}\", '')")
    return " || ' ' || ".join(parts)


def all_languages_vector():
    return f"to_tsvector('portal_unaccent'::regconfig, {all_languages_text()})"


def old_trigram_document():
    return f"portal_unaccent(lower({all_languages_text()}))"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = [
        "DROP INDEX IF EXISTS companies_organisation_trgm",
        f"CREATE INDEX companies_organisation_fts_all ON {TABLE} "
        f"USING gin ({all_languages_vector()})",
        # Words of letters only, of three or more: what a search word is compared with.
        "CREATE MATERIALIZED VIEW companies_searchword AS "  # noqa: S608
        f"SELECT DISTINCT word FROM {TABLE}, "
        f"unnest(tsvector_to_array({all_languages_vector()})) AS word "
        f"WHERE {TABLE}.\"is_published\" AND length(word) >= 3 AND word ~ '^[[:alpha:]]+$'",
        "CREATE UNIQUE INDEX companies_searchword_key ON companies_searchword (word)",
        "CREATE INDEX companies_searchword_trgm ON companies_searchword "
        "USING gin (word gin_trgm_ops)",
    ]
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP MATERIALIZED VIEW IF EXISTS companies_searchword")
        cursor.execute("DROP INDEX IF EXISTS companies_organisation_fts_all")
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS companies_organisation_trgm ON {TABLE} "
            f"USING gin (({old_trigram_document()}) gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("companies", "0008_staff_roles")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
