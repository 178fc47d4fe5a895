"""Two admins deciding the same application at once end in exactly one decision."""

import pytest

from commerce.experts import services
from commerce.experts.exceptions import ExpertError
from commerce.experts.models import ExpertProfile, ReviewDecision
from tests.factories import make_user
from tests.factories.experts import make_application
from tests.integration.invoices.test_numbering import run_together


@pytest.mark.django_db(transaction=True)
def test_an_approval_and_a_rejection_racing_end_in_one_outcome():
    # given: an application waiting for review and two admins
    profile = make_application()
    admins = [make_user(f"admin{n}@example.com", is_staff=True, is_superuser=True) for n in range(2)]

    def decide(index):
        if index == 0:
            return services.approve(profile, by=admins[0]).status
        return services.reject(profile, by=admins[1], reason="Documents illisibles").status

    # when: both decide at the same moment
    results, errors = run_together(2, decide)
    # then: one decision is recorded, the other is refused with the reason why
    assert len(results) == 1 and len(errors) == 1
    assert isinstance(next(iter(errors.values())), ExpertError)
    assert ReviewDecision.objects.filter(profile=profile).count() == 1
    assert ExpertProfile.objects.get(pk=profile.pk).status == next(iter(results.values()))
