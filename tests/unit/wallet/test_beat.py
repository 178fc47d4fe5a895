"""Beat sweeps expired holds every minute and reconciles the ledger nightly."""

from celery.schedules import crontab
from django.conf import settings
from django.utils.module_loading import import_string


def test_beat_runs_the_wallet_tasks():
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert schedule["commerce.wallet.tasks.expire_due_holds"] == 60
    nightly = schedule["commerce.wallet.tasks.check_ledger"]
    assert isinstance(nightly, crontab) and nightly.hour == {3}
    for task in ("commerce.wallet.tasks.expire_due_holds", "commerce.wallet.tasks.check_ledger"):
        assert import_string(task).name == task
