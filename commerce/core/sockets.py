"""Sending to a channel-layer group from synchronous code, whatever thread it runs in.

``async_to_sync`` refuses to run in a thread whose event loop is running (sync code called straight
from async code, a management command run from a browser-driving test thread): there the send goes
through a short-lived worker thread instead; elsewhere (requests, Celery workers) it runs here.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def group_send(group, message):
    send = async_to_sync(get_channel_layer().group_send)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        send(group, message)
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(send, group, message).result()
