"""A chat socket's message, stored and broadcast from the socket's event loop.

The store is one statement in autocommit (``services.STORE_SQL``), so it needs no transaction nor
Django's connection: it runs on a psycopg ``AsyncConnection`` of the event loop (one per loop,
opened on first use), without the hop to a pool thread and back, nor the broadcast's hop from that
thread to the loop. A message is still stored (committed) before it is broadcast. The task that
moves unread counts and notifies is queued afterwards, off the sender's path: the loop's messages
of the next ``ANNOUNCE_BATCH_SECONDS`` go in one task, queued in a thread (kombu is synchronous).
Queuing a task costs more CPU than storing the message; once per batch, it no longer competes with
the delivery of each message for the process. Nothing waits for it, a failure to queue is logged;
the announcements of the last batch are lost if the process dies within that fraction of a second
(counts are recomputed whole by the next message, as after a lost task).
"""

import asyncio
import logging
import weakref

import psycopg
from channels.layers import get_channel_layer
from django.db import connection

from . import broadcast, services
from .tasks import announce_messages

logger = logging.getLogger(__name__)

#: How long a socket's message waits to be announced with the others of its event loop.
ANNOUNCE_BATCH_SECONDS = 0.05

_connections = weakref.WeakKeyDictionary()
_unannounced = weakref.WeakKeyDictionary()


async def _connection():
    loop = asyncio.get_running_loop()
    found = _connections.get(loop)
    if found is None or found.closed or found.broken:
        params = connection.get_connection_params()  # the site's settings: TLS, options, adapters
        params.pop("cursor_factory", None)  # Django's is synchronous
        found = await psycopg.AsyncConnection.connect(**params, autocommit=True)
        _connections[loop] = found
    return found


async def post(thread, *, sender, body, internal, role):
    """As ``services.post_message`` for a socket (``role`` read when it joined, no attachment)."""
    message = services.new_message(thread, sender=sender, body=body, internal=internal, role=role)
    async with (await _connection()).cursor() as cursor:
        await cursor.execute(services.STORE_SQL, services.store_params(message))
        posted = services.stored(message, await cursor.fetchone())
    await get_channel_layer().group_send(*broadcast.message_event(message))
    if not message.internal:
        _announce_soon(message.pk, posted.opened_thread)
    return posted


def _announce_soon(message_id, opened_thread):
    loop = asyncio.get_running_loop()
    batch = _unannounced.get(loop)
    if batch is None:
        batch = _unannounced[loop] = []
        loop.call_later(ANNOUNCE_BATCH_SECONDS, _announce_batch, loop)
    batch.append((message_id, opened_thread))


def _announce_batch(loop):
    batch = _unannounced.pop(loop, None)
    if batch:
        queued = loop.run_in_executor(None, announce_messages.delay, batch)
        queued.add_done_callback(_log_failure)


def _log_failure(future):
    if not future.cancelled() and future.exception() is not None:
        logger.error("Queuing messages' announcements failed", exc_info=future.exception())
