"""The demo's experts: eight approved across the eight domains, the demo expert login among them,
one application waiting for review, drawn portraits and bios in three languages."""

import pytest

from commerce.demo.experts_data import DOMAINS
from commerce.experts.models import ExpertProfile

pytestmark = pytest.mark.django_db


def test_the_demo_lists_eight_experts_across_the_domains_and_one_waits_for_review(seeded_demo, client):
    listed = ExpertProfile.objects.listed().prefetch_related("domains")
    assert listed.count() == 8
    covered = {domain.slug for expert in listed for domain in expert.domains.all()}
    assert covered == {slug for slug, *_ in DOMAINS}
    assert listed.filter(user__email="expert@souk.example").exists()
    assert ExpertProfile.objects.filter(status=ExpertProfile.Status.SUBMITTED).count() == 1
    for expert in listed:
        assert expert.photo and expert.bio_fr and expert.bio_en and expert.bio_ar
        with expert.photo.open("rb") as picture:
            assert picture.read(8) == b"\x89PNG\r\n\x1a\n"
    prices = {expert.text_price for expert in listed}
    assert len(prices) >= 5
    assert "Nour Haddad" in client.get("/ar/experts/").content.decode()
