"""The expert's earnings page reads the ledger: pending holds, available earnings, paid out, and
each month's consultations equal what the wallet's services recorded."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commerce.experts.models import ExpertProfile
from commerce.payouts import selectors
from commerce.wallet import services as wallet
from commerce.wallet.models import Account, Entry

pytestmark = pytest.mark.django_db


def test_the_figures_equal_the_ledger_after_captures(expert, expert_profile, client_user, consult):
    # given: three consultations captured (10, 25 and 7 coins) and one still on hold for the expert
    for coins in (10, 25, 7):
        consult(expert, coins)
    wallet.hold(client_user, 4, reference="Video question", key="open-1", subject=expert_profile)

    # when
    summary = selectors.summary(expert)
    months = selectors.by_month(expert)

    # then: available is the earnings account, 80 % of 42 coins × 500 millimes
    earnings = Account.objects.get(kind="earnings", user=expert)
    assert summary.available_millimes == earnings.balance == 42 * 400
    assert summary.pending_coins == 4 and summary.pending_millimes == 4 * 400
    assert summary.paid_out_millimes == 0
    assert len(months) == 1 and months[0].count == 3
    assert months[0].earned_millimes == sum(
        Entry.objects.filter(account=earnings).values_list("amount", flat=True)
    )
    assert months[0].gross_millimes == 42 * 500 and months[0].platform_millimes == 42 * 100
    assert sorted(item.coins for item in months[0].consultations) == [7, 10, 25]


def test_holds_of_other_experts_and_resolved_holds_are_not_pending(expert, client_user):
    other = ExpertProfile.objects.create(user=client_user, full_name="Other", slug="other")
    wallet.hold(client_user, 5, reference="For another expert", key="other-1", subject=other)

    assert selectors.summary(expert).pending_coins == 0


def test_a_registered_source_counts_its_holds_as_pending(expert, client_user):
    from commerce.payouts import pending

    # given: an app whose holds name the expert's user as their subject registers how to find them
    user_type = ContentType.objects.get_for_model(type(expert))

    def holds_naming_the_user(user):
        from django.db.models import Q

        return Q(subject_type=user_type, subject_id=str(user.pk))

    pending.register(holds_naming_the_user)
    try:
        wallet.hold(client_user, 6, reference="Call", key="call-1", subject=expert)
        assert selectors.summary(expert).pending_coins == 6
    finally:
        pending._sources.remove(holds_naming_the_user)


def test_the_page_shows_the_figures_and_costs_the_same_queries_for_more_consultations(
    client, expert, consult, english
):
    client.force_login(expert)
    consult(expert, 10, "Budget familial")
    client.get("/en/expert/earnings/")  # the first request of a session warms its caches
    with CaptureQueriesContext(connection) as few:
        html = client.get("/en/expert/earnings/").content.decode()
    assert "Budget familial" in html and "4.000" in html

    for n in range(6):
        consult(expert, 3, f"Question {n}")
    with CaptureQueriesContext(connection) as many:
        html = client.get("/en/expert/earnings/").content.decode()
    assert "Question 5" in html
    assert len(many) == len(few)


def test_someone_without_an_expert_profile_is_sent_to_apply(client, client_user):
    client.force_login(client_user)
    response = client.get("/en/expert/earnings/")
    assert response.status_code == 302 and response["Location"].endswith("/expert/apply/")
