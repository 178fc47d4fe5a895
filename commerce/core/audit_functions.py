"""The audit libraries' per-row helper functions, in versions without a subtransaction.

Every trigger that django-pgtrigger installs (the audit trail's, the ledger's guards) first asks
``_pgtrigger_should_ignore(TG_NAME)``, and every django-pghistory audit row calls
``_pgh_attach_context()``. Both libraries read their session settings inside an exception block,
so each call opened a subtransaction, rolled back with an error whenever the setting was not set:
a coin spend fires thirteen such checks. These versions read the settings with ``missing_ok``
and answer the same: ``pgtrigger.ignore`` (an array of trigger names, set by ``pgtrigger.ignore()``)
unset or empty ignores nothing; ``pghistory.context_id`` and ``pghistory.context_metadata`` both set
write the context row as pghistory does. Both are SQL expressions that the planner inlines into the
triggers' cached statements: no function call per row unless a context is set (a spend writes
eleven audit rows; the inlined context function saves about 4 % of its database time).

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

#: pghistory's context function, called by every audit row. An SQL expression, which the planner
#: inlines into each audit trigger's cached INSERT, so that the usual case (no context set) costs two
#: setting reads and no function call; only with a context set does it call the upsert below.
ATTACH_CONTEXT = """
CREATE OR REPLACE FUNCTION _pgh_upsert_context(context_id text, metadata text) RETURNS uuid AS $$
BEGIN
    INSERT INTO pghistory_context (id, metadata, created_at, updated_at)
    VALUES (context_id::uuid, metadata::jsonb, NOW(), NOW())
    ON CONFLICT (id) DO UPDATE
        SET metadata = EXCLUDED.metadata, updated_at = EXCLUDED.updated_at
        WHERE pghistory_context.metadata != EXCLUDED.metadata;
    RETURN context_id::uuid;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION _pgh_attach_context() RETURNS pghistory_context.id%TYPE AS $$
    SELECT CASE
        WHEN NULLIF(current_setting('pghistory.context_id', true), '') IS NULL
          OR NULLIF(current_setting('pghistory.context_metadata', true), '') IS NULL THEN NULL
        ELSE _pgh_upsert_context(
            current_setting('pghistory.context_id', true), current_setting('pghistory.context_metadata', true)
        )
    END
$$ LANGUAGE sql VOLATILE;
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
