"""Shared fixtures: real PostgreSQL, Redis and osmem-server come from ``make test`` (scripts/test.py)."""

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation
from wagtail.models import Site

from tests.factories import make_user
from tests.factories.after_sale import (  # noqa: F401 - fixtures: shops, products, a paid card order
    customer,
    fakhar,
    fakhar_seller,
    jebba,
    paid_order,
    plate,
    tajine,
)
from tests.factories.catalogue import product_for_sale
from tests.factories.pages import build_home_pages
from tests.factories.phones import fake_settings, phones_fake, phones_fake_server  # noqa: F401 - fixtures
from tests.factories.sellers import make_seller, make_shop
from tests.factories.stripe import stripe_fake  # noqa: F401 - fixture: the local fake of Stripe

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(autouse=True)
def default_language():
    """Requests activate their language in the test thread; start every test in French again."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def english(client):
    """Unprefixed dashboard URLs follow the browser's language: read messages in the source language.

    Modules of dashboard pages use it for every test: ``pytestmark = pytest.mark.usefixtures("english")``.
    """
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def shop(db):
    """A seller's shop, for tests of one shop."""
    return make_shop("Dar Nabeul")


@pytest.fixture
def seller(shop):
    """A seller of ``shop``."""
    return make_seller(shop, "leila@example.com")


@pytest.fixture
def home_pages(db):
    return build_home_pages()


@pytest.fixture
def product(db):
    return product_for_sale()[0]


@pytest.fixture
def anonymous_client():
    """A REST API client without credentials (a guest's basket lives in its cookies)."""
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def user_in_role(db):
    """Factory: ``user_in_role("Marketing", is_staff=True)``."""
    counter = iter(range(1, 10_000))

    def make(role=None, **fields):
        email = fields.pop(
            "email", f"user{next(counter)}-{(role or 'none').lower().replace(' ', '-')}@example.com"
        )
        return make_user(email=email, role=role, **fields)

    return make


@pytest.fixture(scope="session")
def search_index(django_db_setup):
    """The products index, emptied and recreated once per session on the test search server."""
    from search.documents import ProductDocument

    index = ProductDocument._index
    index.delete(ignore_unavailable=True)
    index.create()
    return index


#: The queue this run's worker consumes and its beat sends to (runs side by side never share tasks).
CELERY_QUEUE = f"test-{os.getpid()}"
#: This run's queue of phone alerts (``NOTIFICATIONS_PHONES_QUEUE``), consumed by the same worker.
PHONES_QUEUE = f"{CELERY_QUEUE}-phones"


def process_env(**overrides):
    """The environment of a child process (worker, ASGI server) on this run's test database and Redis."""
    from django.db import connection

    database = connection.settings_dict
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}",
        **overrides,
    }


def start_celery(*args, **env_overrides):
    """A ``celery -A config …`` process on the test Redis and the test database, on this run's queue."""
    env = process_env(
        CELERY_TASK_DEFAULT_QUEUE=CELERY_QUEUE, NOTIFICATIONS_PHONES_QUEUE=PHONES_QUEUE, **env_overrides
    )
    return subprocess.Popen([sys.executable, "-m", "celery", "-A", "config", *args], cwd=ROOT, env=env)


def stop_process(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, phones_fake_server):  # noqa: F811 - the fixture imported above
    """A real Celery worker process consuming from the test Redis and writing to the test database;
    its phone alerts go to the session's fakes of Telegram and WhatsApp (``phones_fake``)."""
    from config.celery import app

    process = start_celery(
        "worker",
        "--pool=solo",
        "-l",
        "warning",
        "-Q",
        f"{CELERY_QUEUE},{PHONES_QUEUE}",
        "-n",
        f"{CELERY_QUEUE}@%h",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        **fake_settings(phones_fake_server),
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5, destination=[f"{CELERY_QUEUE}@{os.uname().nodename}"]):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("the Celery worker did not start")
    previous = app.conf.task_default_queue, settings.NOTIFICATIONS_PHONES_QUEUE
    app.conf.task_default_queue, settings.NOTIFICATIONS_PHONES_QUEUE = CELERY_QUEUE, PHONES_QUEUE
    yield process
    app.conf.task_default_queue, settings.NOTIFICATIONS_PHONES_QUEUE = previous
    stop_process(process)


@pytest.fixture
def celery_beat(async_tasks, tmp_path):
    """A real beat process sending the project's schedule to this run's worker, heartbeat every second."""
    process = start_celery(
        "beat", "-l", "warning", "-s", str(tmp_path / "beat-schedule"), CORE_BEAT_HEARTBEAT_SECONDS="1"
    )
    yield process
    stop_process(process)


@pytest.fixture
def async_tasks(celery_worker):
    """Send tasks to the real worker (tests otherwise run tasks eagerly, in-process)."""
    from config.celery import app

    app.conf.task_always_eager = False
    yield celery_worker
    app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER


@pytest.fixture(scope="session")
def artifacts_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@dataclass(frozen=True)
class SeededDemo:
    media_root: Path
    output: str


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo marketplace (``seed_demo``, pictures included), seeded once for a module's tests.

    Seeding takes seconds, so a module seeds once inside one outer transaction: each test's own
    transaction is a savepoint in it (what a test changes is undone after it), and the whole demo
    is rolled back after the module, so nothing leaks into other modules. Not for
    ``transaction=True`` tests, which need committed data.
    """
    media_root = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media_root)), transaction.atomic():
        output = StringIO()
        call_command("seed_demo", stdout=output)
        Site.clear_site_root_paths_cache()
        yield SeededDemo(media_root=media_root, output=output.getvalue())
        transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()
