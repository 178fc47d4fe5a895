"""A chat socket's message, stored and broadcast from the socket's event loop.

The store is one statement in autocommit (``services.STORE_SQL``), so it needs no transaction nor
Django's connection: it runs on a psycopg ``AsyncConnection`` of the event loop (one per loop,
opened on first use), without the hop to a pool thread and back, nor the broadcast's hop from that
thread to the loop. A message is still stored (committed) before it is broadcast. The task that
moves unread counts and notifies is queued afterwards in a thread (kombu is synchronous), off the
sender's path: nothing waits for it, a failure to queue is logged.
"""

import asyncio
import logging
import weakref

import psycopg
from channels.layers import get_channel_layer
from django.db import connection

from . import broadcast, services
from .tasks import announce_message

logger = logging.getLogger(__name__)

_connections = weakref.WeakKeyDictionary()


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
        queued = asyncio.get_running_loop().run_in_executor(
            None, announce_message.delay, message.pk, posted.opened_thread
        )
        queued.add_done_callback(_log_failure)
    return posted


def _log_failure(future):
    if not future.cancelled() and future.exception() is not None:
        logger.error("Queuing a message's announcement failed", exc_info=future.exception())
