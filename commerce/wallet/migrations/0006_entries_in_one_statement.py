"""An operation's entries in one statement, and their audit rows with them.

``wallet_post`` wrote an operation's entries one INSERT at a time, each firing its own audit
trigger (a spend: five of each). It now updates the balances leg by leg as before, then writes
all the entries in one INSERT, and the entries' audit trigger runs once per statement (a
transition table: every row still gets its event, with the same context). The deferred check that
each transaction balances is unchanged.
"""

from importlib import import_module

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations

#: wallet_post as migration 0005 wrote it, restored when going back.
PREVIOUS_POST = import_module("commerce.wallet.migrations.0005_platform_account_parts").POST

POST = """
CREATE OR REPLACE FUNCTION wallet_post(
    p_kind varchar, p_key varchar, p_memo varchar, p_reference varchar, p_created_by integer,
    p_hold integer, p_legs jsonb,
    OUT posted integer, OUT refused integer, OUT balances bigint[]
) LANGUAGE plpgsql AS $$
-- As in migration 0005, except that the entries are written by one INSERT after the balances.
DECLARE
    leg record;
    new_balance bigint;
    accounts integer[] := '{}';
    amounts bigint[] := '{}';
BEGIN
    INSERT INTO wallet_transaction (kind, memo, reference, idempotency_key, hold_id, created_at, created_by_id)
    VALUES (p_kind, p_memo, p_reference, p_key, p_hold, clock_timestamp(), p_created_by)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id INTO posted;
    IF posted IS NULL THEN
        RETURN;
    END IF;
    balances := array_fill(NULL::bigint, ARRAY[jsonb_array_length(p_legs)]);
    FOR leg IN
        SELECT l.ord::integer AS ord,
               (l.value->>'amount')::bigint AS amount,
               (l.value->>'funded')::boolean AS funded,
               (l.value ? 'id' OR l.value->>'user' IS NOT NULL) AS owned,
               COALESCE(
                   (l.value->>'id')::integer,
                   wallet_account_id(l.value->>'kind', (l.value->>'user')::integer)
               ) AS account
        FROM jsonb_array_elements(p_legs) WITH ORDINALITY AS l(value, ord)
        ORDER BY owned DESC, account
    LOOP
        IF leg.owned THEN
            UPDATE wallet_account SET balance = balance + leg.amount
            WHERE id = leg.account AND (NOT leg.funded OR balance + leg.amount >= 0)
            RETURNING balance INTO new_balance;
            IF NOT FOUND THEN
                refused := leg.ord - 1;
                balances := ARRAY[(SELECT balance FROM wallet_account WHERE id = leg.account)];
                RETURN;
            END IF;
            balances[leg.ord] := new_balance;
        ELSE
            INSERT INTO wallet_accountpart (account_id, part, balance)
            VALUES (leg.account, pg_backend_pid() % 16, leg.amount)
            ON CONFLICT (account_id, part) DO UPDATE SET balance = wallet_accountpart.balance + EXCLUDED.balance;
        END IF;
        accounts := accounts || leg.account;
        amounts := amounts || leg.amount;
    END LOOP;
    INSERT INTO wallet_entry (transaction_id, account_id, amount)
    SELECT posted, entry.account, entry.amount FROM unnest(accounts, amounts) AS entry(account, amount);
END $$;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('wallet', '0005_platform_account_parts'),
    ]

    operations = [
        pgtrigger.migrations.RemoveTrigger(
            model_name='entry',
            name='insert_insert',
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='entry',
            trigger=pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='WITH _pgh_attached_context AS ( SELECT _pgh_attach_context() AS value ) INSERT INTO "wallet_entryevent" ("account_id", "amount", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "transaction_id") SELECT new_values."account_id", new_values."amount", new_values."id", _pgh_attached_context.value, NOW(), \'insert\', new_values."id", new_values."transaction_id" FROM ( SELECT new_values.* FROM new_values  ) AS new_values, _pgh_attached_context; RETURN NULL;', hash='29f53a2075871fc6532378aaf469b9115d3ff2e2', level='STATEMENT', operation='INSERT', pgid='pgtrigger_insert_insert_52fc0', referencing='REFERENCING NEW TABLE AS new_values ', table='wallet_entry', when='AFTER')),
        ),
        migrations.RunSQL(POST, PREVIOUS_POST),
    ]
