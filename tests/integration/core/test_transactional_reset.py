"""A transactional test ends with the database as migrations left it (tests/migrated_state.py): what
it added, changed or deleted is put back, rows that data migrations wrote included."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from wagtail.models import Locale, Page, Site

from tests.factories import make_user


def migrated_rows():
    return (
        list(Site.objects.order_by("pk").values()),
        list(Locale.objects.order_by("pk").values()),
        list(Page.objects.order_by("pk").values("pk", "path", "title")),
    )


@pytest.mark.django_db(transaction=True)
def test_what_a_transactional_test_adds_changes_or_deletes_is_put_back(django_db_setup):
    # given: the rows Wagtail's migrations wrote, as every test sees them
    state = django_db_setup
    before = migrated_rows()
    assert before[0] and before[1] and before[2]
    # when: a test adds a user, renames a locale (same row count) and deletes the default Site
    make_user("trace@example.com")
    Locale.objects.filter(pk=before[1][0]["id"]).update(language_code="xx")
    Site.objects.all().delete()
    # and: its end puts the database back
    with transaction.atomic(), connection.cursor() as cursor:
        put_back = state.restore(cursor)
    # then
    assert {"wagtailcore_site", "wagtailcore_locale", get_user_model()._meta.db_table} <= put_back
    assert migrated_rows() == before
    assert not get_user_model().objects.exists()
    # and: nothing is left to put back
    with transaction.atomic(), connection.cursor() as cursor:
        assert state.restore(cursor) == set()
