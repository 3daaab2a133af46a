"""The words of published offers, per reader's language, for misspelt search words.

On PostgreSQL a materialized view `offers_searchword` holds each distinct word
(lexeme) of the search columns of published offers, per language, with a
trigram index: a search word that matches nothing is compared with these few
thousand words instead of every offer's text. `offer_maintenance` refreshes it
daily (offers.search.refresh_search_words). Other databases are skipped.
"""

from django.db import migrations

LANGUAGES = ["pl", "en", "de", "it", "cs", "hu", "ro", "bg"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Built from the fixed language codes above, never from input.
    words = " UNION ALL ".join(
        f"SELECT '{code}'::text AS language, word FROM ts_stat("  # noqa: S608
        f"'SELECT search_{code} FROM offers_offer WHERE status = ''published''')"
        for code in LANGUAGES
    )
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"CREATE MATERIALIZED VIEW offers_searchword AS {words}")
        cursor.execute(
            "CREATE UNIQUE INDEX offers_searchword_key ON offers_searchword (language, word)"
        )
        cursor.execute(
            "CREATE INDEX offers_searchword_trgm ON offers_searchword USING gin (word gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP MATERIALIZED VIEW IF EXISTS offers_searchword")


class Migration(migrations.Migration):
    dependencies = [("offers", "0002_postgresql_search")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
