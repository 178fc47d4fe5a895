"""The text search configuration of the CMS search backend: French stemming, accents ignored.

"commandes" must find what "commande" finds, and "delai" what "délai" finds. PostgreSQL's
``french`` configuration stems; ``unaccent`` (a contrib extension shipped with PostgreSQL) drops
accents first. Settings name it in ``WAGTAILSEARCH_BACKENDS`` (``SEARCH_CONFIG``). Entries indexed
before this migration keep their old words until ``manage.py update_index`` runs once.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

CONFIG = "souk_search"

CREATE = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.french);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("help", "0003_image_alt_texts")]

    operations = [
        UnaccentExtension(),
        migrations.RunSQL(CREATE, reverse_sql=f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG};"),
    ]
