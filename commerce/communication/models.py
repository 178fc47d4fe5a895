from oscar.apps.communication.models import *  # noqa: F403 isort:skip
