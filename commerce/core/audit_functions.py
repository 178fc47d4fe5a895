"""The audit libraries' per-row helper functions, in versions without a subtransaction.

Every trigger that django-pgtrigger installs (the audit trail's, the ledger's guards) first asks
``_pgtrigger_should_ignore(TG_NAME)``, and every django-pghistory audit row calls
``_pgh_attach_context()``. Both libraries read their session settings inside an exception block,
so each call opened a subtransaction, rolled back with an error whenever the setting was not set:
a coin spend fires thirteen such checks. These versions read the settings with ``missing_ok``
and answer the same: ``pgtrigger.ignore`` (an array of trigger names, set by ``pgtrigger.ignore()``)
unset or empty ignores nothing; ``pghistory.context_id`` and ``pghistory.context_metadata`` both set
write the context row as pghistory does.

django-pgtrigger writes its own version again with every trigger a migration installs, so ours is
installed after every ``migrate`` (``install_after_migrate``, a ``post_migrate`` receiver), as
pghistory's ``PGHISTORY_INSTALL_CONTEXT_FUNC_ON_MIGRATE`` does for its function.
"""

from django.db import connections

SHOULD_IGNORE = """
CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(trigger_name NAME) RETURNS BOOLEAN AS $$
    SELECT COALESCE(trigger_name = ANY(NULLIF(current_setting('pgtrigger.ignore', true), '')::text[]), FALSE)
$$ LANGUAGE sql STABLE;
"""

ATTACH_CONTEXT = """
CREATE OR REPLACE FUNCTION _pgh_attach_context() RETURNS pghistory_context.id%TYPE AS $$
DECLARE
    _pgh_context_id uuid := NULLIF(current_setting('pghistory.context_id', true), '');
    _pgh_context_metadata jsonb := NULLIF(current_setting('pghistory.context_metadata', true), '');
BEGIN
    IF _pgh_context_id IS NULL OR _pgh_context_metadata IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO pghistory_context (id, metadata, created_at, updated_at)
    VALUES (_pgh_context_id, _pgh_context_metadata, NOW(), NOW())
    ON CONFLICT (id) DO UPDATE
        SET metadata = EXCLUDED.metadata, updated_at = EXCLUDED.updated_at
        WHERE pghistory_context.metadata != EXCLUDED.metadata;
    RETURN _pgh_context_id;
END $$ LANGUAGE plpgsql;
"""


def install(using):
    """Write both functions into database ``using`` (once pghistory's context table exists)."""
    with connections[using].cursor() as cursor:
        cursor.execute(SHOULD_IGNORE)
        cursor.execute("SELECT to_regclass('pghistory_context') IS NOT NULL")
        if cursor.fetchone()[0]:
            cursor.execute(ATTACH_CONTEXT)


def install_after_migrate(using, **kwargs):
    """post_migrate receiver: after the migrations, whatever triggers they installed."""
    if connections[using].vendor == "postgresql":
        install(using)
