"""Promo pages: scheduled by start and end dates, published through the Platform admins' approval."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cms_pages.core.tasks import publish_scheduled_pages
from cms_pages.landing.models import PromoPage
from commerce.users.roles import MARKETING, PLATFORM_ADMINS
from tests.factories.pages import stream

from .admin_forms import post_edit_page

NOW = timezone.now().replace(microsecond=0)


def new_promo(home, *, starts=None, ends, slug="promo"):
    page = PromoPage(
        title="Promo",
        slug=slug,
        locale=home.locale,
        live=False,
        go_live_at=starts,
        expire_at=ends,
        body=stream(("countdown", {"title": "Fin dans"})),
    )
    home.add_child(instance=page)
    return page


@pytest.mark.django_db
def test_future_promo_goes_live_at_its_start_and_unpublishes_itself_at_its_end(fr_home, client):
    # given: a promo approved now for tomorrow, ending the day after
    with time_machine.travel(NOW, tick=False):
        promo = new_promo(fr_home, starts=NOW + timedelta(days=1), ends=NOW + timedelta(days=2))
        promo.save_revision().publish()
        promo.refresh_from_db()
        assert not promo.live and promo.approved_schedule
        assert client.get(promo.url).status_code == 404

    # when: the beat task runs after the start
    with time_machine.travel(NOW + timedelta(days=1, minutes=1), tick=False):
        publish_scheduled_pages.delay()
        promo.refresh_from_db()
        # then: it is live
        assert promo.live
        assert client.get(promo.url).status_code == 200

    # when: the beat task runs after the end
    with time_machine.travel(NOW + timedelta(days=2, minutes=1), tick=False):
        publish_scheduled_pages.delay()
        promo.refresh_from_db()
        # then: it unpublished itself
        assert not promo.live and promo.expired
        assert client.get(promo.url).status_code == 404


@pytest.mark.django_db
def test_promo_whose_start_has_passed_is_live_at_once_until_its_end(fr_home):
    with time_machine.travel(NOW, tick=False):
        promo = new_promo(fr_home, starts=NOW - timedelta(hours=1), ends=NOW + timedelta(hours=1))
        promo.save_revision().publish()
        promo.refresh_from_db()
        assert promo.live

    with time_machine.travel(NOW + timedelta(minutes=59), tick=False):
        publish_scheduled_pages.delay()
        promo.refresh_from_db()
        assert promo.live

    with time_machine.travel(NOW + timedelta(hours=1, minutes=1), tick=False):
        publish_scheduled_pages.delay()
        promo.refresh_from_db()
        assert not promo.live


@pytest.mark.django_db
def test_promo_needs_an_end_after_its_start(fr_home):
    from django.core.exceptions import ValidationError

    page = PromoPage(
        title="X", slug="x", locale=fr_home.locale, go_live_at=NOW, expire_at=NOW - timedelta(days=1)
    )
    with pytest.raises(ValidationError) as error:
        fr_home.add_child(instance=page)
    assert "expire_at" in error.value.message_dict


@pytest.mark.django_db
def test_marketing_submits_a_promo_and_a_platform_admin_approves_it(client, fr_home, user_in_role):
    # given: a draft promo written by Marketing
    marketer = user_in_role(MARKETING, is_staff=True)
    admin = user_in_role(PLATFORM_ADMINS, is_staff=True)
    promo = new_promo(fr_home, ends=NOW + timedelta(days=3))
    promo.save_revision(user=marketer)
    client.force_login(marketer)

    # when: Marketing submits it to the workflow (publishing is not offered)
    edit_form = client.get(f"/cms/pages/{promo.pk}/edit/").content.decode()
    submitted = post_edit_page(client, promo, {"title": "Promo"}, action="action-submit")

    # then: it waits for approval, unpublished
    assert 'name="action-publish"' not in edit_form
    assert submitted.status_code == 302
    promo.refresh_from_db()
    state = promo.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS
    assert not promo.live

    # when: a Platform admin approves the task
    client.force_login(admin)
    task_state = state.current_task_state
    approved = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[promo.pk, "approve", task_state.pk]),
        {"comment": "OK"},
    )

    # then: the promo is published
    assert approved.status_code == 302
    promo.refresh_from_db()
    assert promo.live
    assert promo.current_workflow_state is None
