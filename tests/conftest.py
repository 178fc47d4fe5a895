"""Shared fixtures: real PostgreSQL, Redis and osmem-server come from ``make test`` (scripts/test.py)."""

import os
import subprocess
import sys
import time
from contextlib import contextmanager
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
from tests.migrated_state import MigratedState

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
def beat_env():
    """Settings beat reads from its environment: a test shortens the intervals it waits on here."""
    return {}


@pytest.fixture
def celery_beat(async_tasks, tmp_path, beat_env):
    """A real beat process sending the project's schedule to this run's worker, heartbeat every second."""
    process = start_celery(
        "beat",
        "-l",
        "warning",
        "-s",
        str(tmp_path / "beat-schedule"),
        **{"CORE_BEAT_HEARTBEAT_SECONDS": "1", **beat_env},
    )
    yield process
    # Beat keeps nothing a test reads (its schedule file is the test's own): killed rather than
    # asked to stop, which took it up to the 20 s grace period.
    process.kill()
    process.wait()


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
    database: str


def _needs_demo(session):
    return any("seeded_demo" in getattr(item, "fixturenames", ()) for item in session.items)


def _recreate_database(name, template=None):
    """Drop ``name`` and, given a ``template``, create it again as a copy of that database (a file copy:
    a second or two, against a minute of migrations). PostgreSQL copies only a database no one uses."""
    from django.db import connection

    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if template:
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')


def _demo_database_name():
    from django.db import connection

    return f"{connection.settings_dict['NAME']}_demo"


def _restore_kept_database():
    """Put a kept test database back as migrations left it (an interrupted run may have left rows),
    before it is migrated again. False when it has no copy of that state (kept from before the copy
    existed): it must then be created afresh."""
    import psycopg
    from django.db import connection

    database = connection.settings_dict
    try:
        kept = psycopg.connect(
            host=database["HOST"],
            port=database["PORT"] or None,
            user=database["USER"],
            password=database["PASSWORD"],
            dbname=connection.creation._get_test_db_name(),
            cursor_factory=psycopg.ClientCursor,
        )
    except psycopg.OperationalError:  # no test database yet: Django creates it
        return True
    with kept, kept.cursor() as cursor:
        if not MigratedState.kept(cursor):
            return False
        MigratedState(cursor).restore(cursor, everything=True)
    return True


@pytest.fixture(scope="session")
def django_db_createdb(django_db_createdb, django_db_blocker):
    """``--create-db``, or a kept test database without a copy of its migrated state."""
    if django_db_createdb:
        return True
    with django_db_blocker.unblock():
        return not _restore_kept_database()


@contextmanager
def _transactional_tests_restore_the_migrated_state(state):
    """``transaction=True`` tests end by putting back the tables they changed (``MigratedState``)
    instead of Django's flush, which empties every table and recreates content types and permissions."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import DEFAULT_DB_ALIAS, connection
    from django.test import TransactionTestCase

    flush = TransactionTestCase._fixture_teardown

    def _fixture_teardown(self):
        databases = list(self._databases_names(include_mirrors=False))
        if self.available_apps is not None or self.serialized_rollback or databases != [DEFAULT_DB_ALIAS]:
            return flush(self)
        with transaction.atomic(), connection.cursor() as cursor:
            state.restore(cursor)
        ContentType.objects.clear_cache()
        Site.clear_site_root_paths_cache()

    TransactionTestCase._fixture_teardown = _fixture_teardown
    try:
        yield
    finally:
        TransactionTestCase._fixture_teardown = flush


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The migrated test database, a copy of its migrated state that transactional tests go back to
    (the fixture's value, a ``MigratedState``), and when a test of the session reads the demo, an
    empty copy of it taken right away (``demo_database`` seeds it when first needed; nothing else is
    connected yet)."""
    from django.db import connection

    with django_db_blocker.unblock(), transaction.atomic(), connection.cursor() as cursor:
        state = MigratedState.take(cursor)
    needed = _needs_demo(request.session)
    if needed:
        with django_db_blocker.unblock():
            _recreate_database(_demo_database_name(), template=connection.settings_dict["NAME"])
    with _transactional_tests_restore_the_migrated_state(state):
        yield state
    if needed:
        with django_db_blocker.unblock():
            _recreate_database(_demo_database_name())


@contextmanager
def _connected_to(name):
    """The default connection on database ``name`` (every thread's next connection follows)."""
    from django.db import connection

    previous = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = previous


@pytest.fixture(scope="session")
def demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo marketplace (``seed_demo``, pictures included), seeded and committed once per session
    in the test database's copy. What the seeding would start after commit (index updates, emails)
    is dropped: tests of the demo read its rows, and the shared search index stays the tests' own."""
    from django.db import connection

    media_root = tmp_path_factory.mktemp("demo-media")
    name = _demo_database_name()
    with (
        django_db_blocker.unblock(),
        _connected_to(name),
        override_settings(MEDIA_ROOT=str(media_root)),
    ):
        output = StringIO()
        with transaction.atomic():
            call_command("seed_demo", stdout=output)
            connection.run_on_commit.clear()
    return SeededDemo(media_root=media_root, output=output.getvalue(), database=name)


@pytest.fixture(scope="module")
def seeded_demo(demo_database, django_db_blocker):
    """The demo marketplace for a module's tests: the default connection moves to the session's demo
    database for the module (each test's changes are rolled back as usual), then back.

    Not for ``transaction=True`` tests: their flush would empty the demo for every later module.
    """
    with (
        django_db_blocker.unblock(),
        _connected_to(demo_database.database),
        override_settings(MEDIA_ROOT=str(demo_database.media_root)),
    ):
        Site.clear_site_root_paths_cache()
        yield demo_database
    Site.clear_site_root_paths_cache()
