"""The phone alerts' own Celery queue (``NOTIFICATIONS_PHONES_QUEUE``), so they never wait behind long
tasks: a worker of its own consumes it (``make run``, ``deploy/docker-compose.yml``, the tests' worker).

Routed by a function that reads the setting when a task is sent, so a test run can give its worker a
queue of its own.
"""

from django.conf import settings

TASKS_PREFIX = "commerce.notifications.phones.tasks."


def route(name, args, kwargs, options, task=None, **kw):
    """Celery router (``CELERY_TASK_ROUTES``): this package's tasks go to the phones queue."""
    if name.startswith(TASKS_PREFIX):
        return {"queue": settings.NOTIFICATIONS_PHONES_QUEUE}
    return None
