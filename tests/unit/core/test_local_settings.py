"""``manage.py`` in another terminal reaches the services ``make run`` started, through var/local.env."""

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

PRINT_SERVICES = (
    "import json; from django.conf import settings; d = settings.DATABASES['default']; "
    "print(json.dumps([d['HOST'], d['PORT'], d['NAME'], settings.CACHES['default']['LOCATION'], "
    "settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER]))"
)


def test_local_settings_take_the_service_addresses_make_run_wrote(tmp_path):
    # given: the file make run writes at each start
    env_file = tmp_path / "local.env"
    env_file.write_text(
        "# Written by `make run`\n"
        "DATABASE_URL=postgres://postgres@127.0.0.1:54329/souk\n"
        "REDIS_URL=redis://127.0.0.1:63799/0\n"
    )
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "CELERY_TASK_ALWAYS_EAGER"}
    }
    # when: a command runs with the local settings, as `.venv/bin/python manage.py shell` would
    output = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PRINT_SERVICES],
        cwd=ROOT,
        env={**environment, "LOCAL_ENV_FILE": str(env_file)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # then: the same PostgreSQL and Redis, and tasks go to the worker through the broker
    host, port, name, cache, broker, eager = json.loads(output.strip().splitlines()[-1])
    assert (host, str(port), name) == ("127.0.0.1", "54329", "souk")
    assert cache == broker == "redis://127.0.0.1:63799/0"
    assert eager is False
