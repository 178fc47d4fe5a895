"""The audit libraries' helper functions without a subtransaction: same answers, and still ours
after a trigger install writes the libraries' own versions again."""

import pgtrigger
import pytest
from django.core.management import call_command
from django.db import ProgrammingError, connection, transaction

from commerce.core import audit_functions
from commerce.wallet.models import Entry
from tests.factories.wallet import wallet_with


def function_source(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT prosrc FROM pg_proc WHERE proname = %s", [name])
        return cursor.fetchone()[0]


def should_ignore(name, setting=None):
    with connection.cursor() as cursor:
        if setting is not None:
            cursor.execute("SELECT set_config('pgtrigger.ignore', %s, true)", [setting])
        cursor.execute("SELECT _pgtrigger_should_ignore(%s)", [name])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_the_installed_functions_open_no_subtransaction():
    for name in ("_pgtrigger_should_ignore", "_pgh_attach_context"):
        assert "EXCEPTION" not in function_source(name).upper(), name


@pytest.mark.django_db
def test_the_planner_inlines_both_functions_into_the_statements_that_call_them():
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (VERBOSE) SELECT _pgh_attach_context(), _pgtrigger_should_ignore('a')")
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "current_setting('pghistory.context_id'" in plan
    assert "current_setting('pgtrigger.ignore'" in plan
    assert "_pgh_attach_context()" not in plan and "_pgtrigger_should_ignore(" not in plan


@pytest.mark.django_db
def test_should_ignore_answers_as_pgtriggers_own():
    # Never set in this session, set to what pgtrigger.ignore() writes, then emptied as it leaves
    assert should_ignore("pgtrigger_a") is False
    with transaction.atomic():
        assert should_ignore("pgtrigger_a", "{wallet_entry:pgtrigger_a,pgtrigger_a}") is True
        assert should_ignore("pgtrigger_b") is False
    assert should_ignore("pgtrigger_a", "") is False


@pytest.mark.django_db
def test_pgtrigger_ignore_still_lets_a_guarded_statement_through(customer):
    wallet_with(customer, 10)
    entry = Entry.objects.first()

    with pytest.raises(ProgrammingError, match="Cannot update or delete"), transaction.atomic():
        Entry.objects.filter(pk=entry.pk).update(amount=entry.amount * 2)
    with transaction.atomic():
        with pgtrigger.ignore("wallet.Entry:entries_immutable"):
            Entry.objects.filter(pk=entry.pk).update(amount=entry.amount * 2)
        assert Entry.objects.get(pk=entry.pk).amount == entry.amount * 2
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_trigger_install_writes_pgtriggers_version_and_the_migrate_receiver_restores_ours():
    with transaction.atomic():
        call_command("pgtrigger", "install", verbosity=0)
        assert "EXCEPTION" in function_source("_pgtrigger_should_ignore").upper()

        audit_functions.install_after_migrate(using="default")

        assert "EXCEPTION" not in function_source("_pgtrigger_should_ignore").upper()
        assert should_ignore("pgtrigger_a") is False
