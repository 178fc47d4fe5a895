"""Settings: every task has a time limit, and each setting's default is written in one place."""

import ast
import re

from django.conf import settings

from commerce.core.tasks import beat_heartbeat
from commerce.order.tasks import send_order_email
from commerce.partner.tasks import send_low_stock_alert
from config.celery import app
from config.settings import base
from tests.conftest import ROOT

#: Where the project's code lives (the settings themselves excluded).
CODE_FOLDERS = ("commerce", "cms_pages", "search")


def test_every_task_has_a_soft_then_a_hard_time_limit():
    # given: the Celery application, configured from the settings
    conf = app.conf
    # then: a task is asked to stop before its worker process is killed
    assert conf.task_soft_time_limit == settings.CELERY_TASK_SOFT_TIME_LIMIT
    assert conf.task_time_limit == settings.CELERY_TASK_TIME_LIMIT
    assert 0 < conf.task_soft_time_limit < conf.task_time_limit


def test_short_tasks_have_tighter_limits_than_the_default():
    for task in (beat_heartbeat, send_order_email, send_low_stock_alert):
        assert task.soft_time_limit < task.time_limit < settings.CELERY_TASK_SOFT_TIME_LIMIT, task.name


def test_code_reads_settings_without_a_second_default():
    # given: every Python module of the project's apps
    offenders = []
    for folder in CODE_FOLDERS:
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text()
            # then: none reads a setting with its own fallback (``getattr(settings, "X", default)``)
            if re.search(r"getattr\(\s*settings\s*,", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_installed_apps_are_the_three_lists_in_order():
    assert settings.INSTALLED_APPS[0] == "modeltranslation"  # before the admin, as it asks
    assert settings.INSTALLED_APPS[1:] == [*base.DJANGO_APPS, *base.LOCAL_APPS, *base.THIRD_PARTY_APPS]
    # The project's apps come before the libraries whose templates they override.
    assert settings.INSTALLED_APPS.index("commerce.core") < settings.INSTALLED_APPS.index("oscar.config.Shop")
    assert settings.INSTALLED_APPS.index("cms_pages.core") < settings.INSTALLED_APPS.index("wagtail.admin")


def test_settings_import_no_app_code():
    # given: the imports of every settings module
    imported = set()
    for path in (ROOT / "site" / "config" / "settings").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    # then: none of the project's apps (the dashboard menu and the search node class join from the
    # apps themselves: commerce/dashboard/menu.py, search/apps.py)
    ours = {name for name in imported if name.split(".")[0] in CODE_FOLDERS}
    assert ours == set()


def test_the_dashboard_menu_and_the_search_connection_get_what_settings_no_longer_import():
    # given: the apps are loaded (pytest-django set them up)
    from elasticsearch.dsl.connections import connections
    from oscar.core.loading import get_class

    from search.transport import PlainJsonNode

    # then: Oscar draws our menu (with the sellers' section), and search speaks plain JSON here
    get_nodes = get_class("dashboard.menu", "get_nodes")
    assert get_nodes.__module__ == "commerce.dashboard.menu"
    assert connections.get_connection().transport.node_pool.node_class is PlainJsonNode
