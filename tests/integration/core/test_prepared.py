"""Statements sent through ``prepared_cursor`` are prepared by PostgreSQL after a few runs on a
connection, and behave as Django's cursors do otherwise (errors, query capture, time zones)."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from commerce.core.prepared import prepared_cursor

STATEMENT = "SELECT %s::integer + 1, now()"


def prepared_statements():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_a_statement_run_often_is_prepared_and_answers_the_same():
    threshold = connection.settings_dict["OPTIONS"]["prepare_threshold"]
    answers = []
    for number in range(threshold + 2):
        with prepared_cursor() as cursor:
            cursor.execute(STATEMENT, [number])
            answers.append(cursor.fetchone())

    assert [value for value, _ in answers] == list(range(1, threshold + 3))
    assert all(moment.utcoffset() is not None for _, moment in answers)  # aware, as Django's cursors give
    assert prepared_statements() == ["SELECT $1::integer + 1, now()"]


@pytest.mark.django_db
def test_djangos_own_cursors_still_bind_on_the_client_and_prepare_nothing():
    for number in range(10):
        with connection.cursor() as cursor:
            cursor.execute(STATEMENT, [number])
    assert prepared_statements() == []


@pytest.mark.django_db
def test_errors_are_djangos_and_queries_are_captured():
    with CaptureQueriesContext(connection) as captured, prepared_cursor() as cursor:
        cursor.execute(STATEMENT, [41])
    assert [query["sql"] for query in captured] == ["SELECT $1::integer + 1, now()"]  # counted, logged

    with pytest.raises(IntegrityError), transaction.atomic(), prepared_cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE t (n integer PRIMARY KEY)")
        cursor.execute("INSERT INTO t VALUES (%s), (%s)", [1, 1])
