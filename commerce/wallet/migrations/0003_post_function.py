"""``wallet_post``: one balanced transaction of the ledger in one database round trip.

``services._post`` used to send one statement per step (the transaction row, each account's
balance, the entries, the account look-ups): a capture took eight round trips. The function does
the same steps in the same order inside the database, called once; the services stay the only
caller, and every guard stays where it was (the unique key, the CHECKs, the deferred balance
trigger, the immutability and audit triggers all fire as before). Dates are ``clock_timestamp()``,
the time of the call as the models' ``auto_now_add`` gave it (``now()`` is the transaction's start).
"""

from django.db import migrations

ACCOUNT_ID = """
CREATE OR REPLACE FUNCTION wallet_account_id(p_kind varchar, p_user integer) RETURNS integer
LANGUAGE plpgsql AS $$
-- The id of the account of p_kind (owned by p_user, or the platform's when NULL), opened empty on
-- first use. Two first uses racing: the second waits on the unique index, then reads the first's.
DECLARE
    found_id integer;
BEGIN
    IF p_user IS NULL THEN
        SELECT id INTO found_id FROM wallet_account WHERE kind = p_kind AND user_id IS NULL;
        IF found_id IS NULL THEN
            INSERT INTO wallet_account (kind, user_id, balance, created_at) VALUES (p_kind, NULL, 0, clock_timestamp())
            ON CONFLICT (kind) WHERE user_id IS NULL DO NOTHING RETURNING id INTO found_id;
            IF found_id IS NULL THEN
                SELECT id INTO found_id FROM wallet_account WHERE kind = p_kind AND user_id IS NULL;
            END IF;
        END IF;
    ELSE
        SELECT id INTO found_id FROM wallet_account WHERE kind = p_kind AND user_id = p_user;
        IF found_id IS NULL THEN
            INSERT INTO wallet_account (kind, user_id, balance, created_at) VALUES (p_kind, p_user, 0, clock_timestamp())
            ON CONFLICT (kind, user_id) WHERE user_id IS NOT NULL DO NOTHING RETURNING id INTO found_id;
            IF found_id IS NULL THEN
                SELECT id INTO found_id FROM wallet_account WHERE kind = p_kind AND user_id = p_user;
            END IF;
        END IF;
    END IF;
    RETURN found_id;
END $$;
"""

POST = """
CREATE OR REPLACE FUNCTION wallet_post(
    p_kind varchar, p_key varchar, p_memo varchar, p_reference varchar, p_created_by integer,
    p_hold integer, p_legs jsonb,
    OUT posted integer, OUT refused integer, OUT balances bigint[]
) LANGUAGE plpgsql AS $$
-- Record one transaction of p_legs, a JSON list of {"amount", "funded"} with the account as
-- {"id"} or {"kind", "user"} (user null: the platform's), and update the cached balances.
--   posted NULL: p_key was used already (nothing done; the caller reads that transaction);
--   refused = i: leg i (0-based) would take a funded account below zero, balances = [its balance];
--                the transaction row is written, so the caller must roll back (it raises);
--   otherwise posted = the new transaction, balances = each leg's new balance, in p_legs' order.
-- The transaction row comes first (a concurrent call with the same key waits on the unique index,
-- then finds it); balances are updated in one global order, users' accounts by id then the
-- platform's by id, so concurrent transactions never deadlock and the busy platform rows (escrow,
-- revenue) stay locked only from their update to the commit.
DECLARE
    leg record;
    new_balance bigint;
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
        UPDATE wallet_account SET balance = balance + leg.amount
        WHERE id = leg.account AND (NOT leg.funded OR balance + leg.amount >= 0)
        RETURNING balance INTO new_balance;
        IF NOT FOUND THEN
            refused := leg.ord - 1;
            balances := ARRAY[(SELECT balance FROM wallet_account WHERE id = leg.account)];
            RETURN;
        END IF;
        balances[leg.ord] := new_balance;
        INSERT INTO wallet_entry (transaction_id, account_id, amount) VALUES (posted, leg.account, leg.amount);
    END LOOP;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("wallet", "0002_payouts")]

    operations = [
        migrations.RunSQL(ACCOUNT_ID, "DROP FUNCTION IF EXISTS wallet_account_id(varchar, integer);"),
        migrations.RunSQL(
            POST, "DROP FUNCTION IF EXISTS wallet_post(varchar, varchar, varchar, varchar, integer, integer, jsonb);"
        ),
    ]
