"""The admin's phone: alerts to the admin on duty through a Telegram bot and the WhatsApp Cloud API.

Both are plain HTTP clients (``telegram.py``, ``whatsapp.py``) sent from Celery tasks on a queue of
their own (``tasks.py``, ``queue.py``), after the commit of what caused them (``alerts.py``). Without a
token each API is in *offline test mode*: the clients talk to the local fakes in ``fakes/`` (started by
``make run`` and by the tests), which speak the same protocol and keep what they received, shown to
platform admins on the dashboard. This package has no models.
"""
