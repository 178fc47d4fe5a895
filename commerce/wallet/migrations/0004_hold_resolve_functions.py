"""``wallet_hold`` and ``wallet_resolve``: a hold opened, or resolved, in one statement.

A hold was two statements (insert the hold, ``wallet_post``) and so was a resolution (close the
hold, ``wallet_post``): with the transaction's BEGIN and COMMIT, four round trips each, and the
escrow row stayed locked from its update until the COMMIT came back. Each function does both
steps and calls ``wallet_post`` (still the one way to post), so the services send one statement:
outside a transaction it runs on its own in autocommit (a single statement is atomic: all of it
commits or none), inside a caller's transaction in a savepoint as before.

A refusal must undo the hold row or the closing written before it, so it is raised, not returned,
with an SQLSTATE of class 23 (integrity constraint violation) in the implementation-defined range:
``23W01`` (a funded leg would go below zero; DETAIL: the leg's 0-based index and its balance) or
``23W02`` (the transaction's key names another transaction). The services turn them into ``InsufficientCoins`` / ``InsufficientEarnings`` and ``KeyReused``. Every guard fires as
before (unique keys, CHECKs, the deferred balance trigger, immutability and audit triggers).
"""

from django.db import migrations

RAISE_REFUSAL = """
CREATE OR REPLACE FUNCTION wallet_raise_refusal(p_key varchar, p_posted integer, p_refused integer, p_balances bigint[])
RETURNS void LANGUAGE plpgsql AS $$
-- Raise what wallet_post returned as a refusal (nothing when it posted): the caller's statement,
-- with everything it wrote before, is undone.
BEGIN
    IF p_posted IS NULL THEN
        RAISE EXCEPTION 'wallet key % names another transaction', p_key USING ERRCODE = '23W02';
    ELSIF p_refused IS NOT NULL THEN
        RAISE EXCEPTION 'wallet leg % would go below zero', p_refused
            USING ERRCODE = '23W01', DETAIL = p_refused || ' ' || COALESCE(p_balances[1], 0);
    END IF;
END $$;
"""

HOLD = """
CREATE OR REPLACE FUNCTION wallet_hold(
    p_user integer, p_coins integer, p_expires_at timestamptz, p_reference varchar,
    p_subject_type integer, p_subject_id varchar, p_key varchar, p_created_at timestamptz,
    p_post_key varchar, p_legs jsonb,
    OUT hold_id integer, OUT wallet_id integer, OUT balances bigint[]
) LANGUAGE plpgsql AS $$
-- Open a hold of p_user's wallet (opened empty on first use) and post p_legs (wallet_post) for it.
--   hold_id NULL: p_key names a hold already (nothing done; the caller reads it);
--   otherwise the new hold, its wallet and each leg's new balance, in p_legs' order.
-- Raises 23W01 (the wallet lacks the coins) or 23W02 (p_post_key is taken), undoing the hold row.
DECLARE
    post record;
BEGIN
    wallet_id := wallet_account_id('wallet', p_user);
    INSERT INTO wallet_hold (wallet_id, coins, status, expires_at, reference, subject_type_id,
                             subject_id, idempotency_key, captured_coins, earner_id, created_at, resolved_at)
    VALUES (wallet_id, p_coins, 'pending', p_expires_at, p_reference, p_subject_type,
            p_subject_id, p_key, 0, NULL, p_created_at, NULL)
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id INTO hold_id;
    IF hold_id IS NULL THEN
        RETURN;
    END IF;
    SELECT * INTO post FROM wallet_post('hold', p_post_key, '', p_reference, NULL, hold_id, p_legs);
    PERFORM wallet_raise_refusal(p_post_key, post.posted, post.refused, post.balances);
    balances := post.balances;
END $$;
"""

RESOLVE = """
CREATE OR REPLACE FUNCTION wallet_resolve(
    p_hold integer, p_status varchar, p_captured_coins integer, p_earner integer,
    p_resolved_at timestamptz, p_kind varchar, p_key varchar, p_reference varchar, p_legs jsonb,
    OUT posted integer
) LANGUAGE plpgsql AS $$
-- Close the pending hold p_hold as p_status and post p_legs (wallet_post) for it.
--   posted NULL: the hold was not pending (nothing done; the caller finds out why);
--   otherwise the resolution's transaction.
-- Raises 23W01 or 23W02 (p_key is taken), undoing the closing.
DECLARE
    post record;
BEGIN
    UPDATE wallet_hold
    SET status = p_status, captured_coins = p_captured_coins, earner_id = p_earner, resolved_at = p_resolved_at
    WHERE id = p_hold AND status = 'pending';
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT * INTO post FROM wallet_post(p_kind, p_key, '', p_reference, NULL, p_hold, p_legs);
    PERFORM wallet_raise_refusal(p_key, post.posted, post.refused, post.balances);
    posted := post.posted;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("wallet", "0003_post_function")]

    operations = [
        migrations.RunSQL(
            RAISE_REFUSAL, "DROP FUNCTION IF EXISTS wallet_raise_refusal(varchar, integer, integer, bigint[]);"
        ),
        migrations.RunSQL(
            HOLD,
            "DROP FUNCTION IF EXISTS wallet_hold(integer, integer, timestamptz, varchar, integer, varchar,"
            " varchar, timestamptz, varchar, jsonb);",
        ),
        migrations.RunSQL(
            RESOLVE,
            "DROP FUNCTION IF EXISTS wallet_resolve(integer, varchar, integer, integer, timestamptz, varchar,"
            " varchar, varchar, jsonb);",
        ),
    ]
