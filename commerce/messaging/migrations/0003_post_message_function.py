"""``messaging_post_message``: storing a message in one round trip (``services.post_message``).

Lock the thread's row, check the sender's rate and blocks, insert the message, move the thread's
last message date (a client writing to a closed thread reopens it) and the sender's read mark
(joining the thread on their first message), and tell whether the client wrote before. Called in
autocommit it is its own transaction: one round trip instead of BEGIN, two statements and COMMIT.

Each statement of a PL/pgSQL function takes a new snapshot under READ COMMITTED, so once the lock
is held the "did the client write before?" check sees every message committed before it: first
messages arriving at once still open the conversation once. A refusal is returned (``refusal``:
``'rate'`` or ``'blocked'``), not raised, so a caller inside a transaction can go on; nothing is
written then.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION messaging_post_message(
    p_thread bigint, p_sender bigint, p_role text, p_body text, p_internal boolean,
    p_attachment text, p_attachment_name text, p_attachment_type text,
    p_sent_at timestamptz, p_max_per_minute integer
) RETURNS TABLE (refusal text, message_id bigint, had_client_message boolean, reopened boolean)
LANGUAGE plpgsql AS $$
DECLARE
    v_status text;
    v_partner bigint;
    v_recent integer;
    v_id bigint;
BEGIN
    SELECT t.status, t.partner_id INTO v_status, v_partner
    FROM messaging_thread t WHERE t.id = p_thread FOR UPDATE;
    IF p_sender IS NULL THEN
        SELECT count(*) INTO v_recent FROM messaging_message m
        WHERE m.thread_id = p_thread AND m.sender_id IS NULL AND m.sent_at >= p_sent_at - interval '60 seconds';
    ELSE
        SELECT count(*) INTO v_recent FROM messaging_message m
        WHERE m.sender_id = p_sender AND m.sent_at >= p_sent_at - interval '60 seconds';
    END IF;
    IF v_recent >= p_max_per_minute THEN
        RETURN QUERY SELECT 'rate'::text, NULL::bigint, NULL::boolean, NULL::boolean;
        RETURN;
    END IF;
    IF p_sender IS NOT NULL AND EXISTS (
        SELECT 1 FROM messaging_block b
        WHERE b.blocked_id = p_sender AND (
            b.blocker_id IN (SELECT pa.user_id FROM messaging_participant pa WHERE pa.thread_id = p_thread)
            OR b.blocker_id IN (SELECT pu.user_id FROM partner_partner_users pu WHERE pu.partner_id = v_partner)
        )
    ) THEN
        RETURN QUERY SELECT 'blocked'::text, NULL::bigint, NULL::boolean, NULL::boolean;
        RETURN;
    END IF;
    had_client_message := EXISTS (
        SELECT 1 FROM messaging_message m WHERE m.thread_id = p_thread AND m.sender_role = 'client'
    );
    reopened := p_role = 'client' AND v_status = 'closed';
    INSERT INTO messaging_message
        (thread_id, sender_id, sender_role, body, internal, attachment, attachment_name, attachment_type, sent_at)
    VALUES
        (p_thread, p_sender, p_role, p_body, p_internal, p_attachment, p_attachment_name, p_attachment_type, p_sent_at)
    RETURNING id INTO v_id;
    UPDATE messaging_thread
    SET last_message_at = p_sent_at, status = CASE WHEN reopened THEN 'open' ELSE status END
    WHERE id = p_thread;
    IF p_sender IS NOT NULL THEN
        INSERT INTO messaging_participant AS pa (thread_id, user_id, role, last_read_id, joined_at)
        VALUES (p_thread, p_sender, p_role, v_id, p_sent_at)
        ON CONFLICT (thread_id, user_id) DO UPDATE SET last_read_id = GREATEST(pa.last_read_id, v_id);
    END IF;
    RETURN QUERY SELECT NULL::text, v_id, had_client_message, reopened;
END
$$;
"""

DROP = """
DROP FUNCTION IF EXISTS messaging_post_message(
    bigint, bigint, text, text, boolean, text, text, text, timestamptz, integer
);
"""


class Migration(migrations.Migration):
    dependencies = [("messaging", "0002_message_search_trigger")]

    operations = [migrations.RunSQL(CREATE, DROP)]
