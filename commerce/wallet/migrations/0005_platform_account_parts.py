"""Platform accounts in parts, and an operation's entries in one statement.

**Parts.** Every spend moved the escrow row (a hold, then its capture) and a capture the revenue
row too, so concurrent spends queued on those two rows, each waiting for the other's commit. Now
``wallet_post`` updates a user's account as before (its balance, refusing a funded one below zero)
and adds a platform account's leg to ``wallet_accountpart`` row (account, backend pid % 16)
instead: connections that post at once write different rows. A platform account's balance is its
row's ``balance`` plus its parts (``Account.objects.with_current_balance``); the users' accounts
are updated first (a refusal comes before any platform write), the parts in account order, so
concurrent transactions still lock in one global order. Escrow cannot go below zero by what a hold
allows (one opening, one resolution of at most its coins); the reconciliation checks it.

**The entries in one statement.** ``wallet_post`` wrote an operation's entries one INSERT at a
time, each firing its own audit trigger (a spend: five of each). It now writes them all in one
INSERT after the balances, and the entries' audit trigger runs once per statement (a transition
table: every row still gets its event, with the same context). The deferred check that each
transaction balances is unchanged. The entries' index on ``transaction_id`` goes: the unique index
(transaction, account) serves the same look-ups.

**Audit context.** pghistory's ``_pgh_attach_context()`` read its settings inside an exception
block, a subtransaction per audit row. Its replacement, with pgtrigger's ignore check, is not a
step of this migration: ``commerce.core.audit_functions`` installs both after every ``migrate``
(pgtrigger writes its own version again whenever a migration installs a trigger).
"""

from importlib import import_module

import django.db.models.deletion
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models

#: wallet_post as migration 0003 wrote it, restored when going back.
PREVIOUS_POST = import_module("commerce.wallet.migrations.0003_post_function").POST

POST = """
CREATE OR REPLACE FUNCTION wallet_post(
    p_kind varchar, p_key varchar, p_memo varchar, p_reference varchar, p_created_by integer,
    p_hold integer, p_legs jsonb,
    OUT posted integer, OUT refused integer, OUT balances bigint[]
) LANGUAGE plpgsql AS $$
-- As in migration 0003, except that a platform account's leg (one given by kind with no user) is
-- added to its part for this connection (its new balance is not returned: NULL), and that the
-- entries are written by one INSERT after the balances.
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

def fold_parts_back(apps, schema_editor):
    """Going back to migration 0004: the parts return into their accounts' rows."""
    schema_editor.execute(
        "UPDATE wallet_account a SET balance = a.balance + p.total"
        " FROM (SELECT account_id, SUM(balance) AS total FROM wallet_accountpart GROUP BY account_id) p"
        " WHERE a.id = p.account_id"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('wallet', '0004_hold_resolve_functions'),
        ('pghistory', '0007_auto_20250421_0444'),
    ]

    operations = [
        migrations.AlterField(
            model_name='entry',
            name='transaction',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='wallet.transaction', verbose_name='transaction'),
        ),
        migrations.CreateModel(
            name='AccountPart',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('part', models.PositiveSmallIntegerField()),
                ('balance', models.BigIntegerField(default=0)),
                ('account', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='parts', to='wallet.account')),
            ],
            options={
                'verbose_name': 'platform account part',
                'verbose_name_plural': 'platform account parts',
                'constraints': [models.UniqueConstraint(fields=('account', 'part'), name='wallet_one_row_per_part'), models.CheckConstraint(condition=models.Q(('part__lt', 16)), name='wallet_part_in_range')],
            },
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='entry',
            name='insert_insert',
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='entry',
            trigger=pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='WITH _pgh_attached_context AS ( SELECT _pgh_attach_context() AS value ) INSERT INTO "wallet_entryevent" ("account_id", "amount", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "transaction_id") SELECT new_values."account_id", new_values."amount", new_values."id", _pgh_attached_context.value, NOW(), \'insert\', new_values."id", new_values."transaction_id" FROM ( SELECT new_values.* FROM new_values  ) AS new_values, _pgh_attached_context; RETURN NULL;', hash='29f53a2075871fc6532378aaf469b9115d3ff2e2', level='STATEMENT', operation='INSERT', pgid='pgtrigger_insert_insert_52fc0', referencing='REFERENCING NEW TABLE AS new_values ', table='wallet_entry', when='AFTER')),
        ),
        migrations.RunSQL(POST, PREVIOUS_POST),
        migrations.RunPython(migrations.RunPython.noop, fold_parts_back),
    ]
