"""Fill ``Message.search`` in the database, for every write path: french, arabic and simple together.

A trigger rather than an expression index: the configurations are fixed here, and a later
``unaccent`` (not IMMUTABLE) could join without changing the index.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION messaging_message_search_update() RETURNS trigger AS $$
BEGIN
    NEW.search :=
        to_tsvector('pg_catalog.french', coalesce(NEW.body, ''))
        || to_tsvector('pg_catalog.arabic', coalesce(NEW.body, ''))
        || to_tsvector('pg_catalog.simple', coalesce(NEW.body, ''));
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER messaging_message_search
    BEFORE INSERT OR UPDATE OF body ON messaging_message
    FOR EACH ROW EXECUTE FUNCTION messaging_message_search_update();
"""

DROP = """
DROP TRIGGER IF EXISTS messaging_message_search ON messaging_message;
DROP FUNCTION IF EXISTS messaging_message_search_update();
"""


class Migration(migrations.Migration):
    dependencies = [("messaging", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
