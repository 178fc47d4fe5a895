"""Ratings: once per answered message, published by an admin, replied to once by the expert."""

import pytest
from django.http import Http404

from commerce.consultations import services
from commerce.consultations.exceptions import RatingRefused
from commerce.consultations.models import Rating, RatingSummary
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return make_user("admin@example.com", is_staff=True, is_superuser=True)


def answered(client_user, expert, text="Question"):
    return services.reply(expert.user, services.send(client_user, expert, "text", text), "Réponse")


def test_only_an_answered_message_is_rated_once_by_its_client(client_user, expert):
    pending = services.send(client_user, expert, "text", "Pas encore")
    with pytest.raises(RatingRefused):
        services.rate(client_user, pending, 5)
    message = answered(client_user, expert)
    with pytest.raises(Http404):
        services.rate(make_user("someone@example.com"), message, 5)
    for stars in (0, 6, "5", True):
        with pytest.raises(RatingRefused):
            services.rate(client_user, message, stars)

    services.rate(client_user, message, 5, "Parfait")

    with pytest.raises(RatingRefused):
        services.rate(client_user, message, 1)
    assert Rating.objects.get().stars == 5


def test_the_average_counts_published_ratings_only(client_user, expert, admin):
    ratings = [
        services.rate(client_user, answered(client_user, expert, f"Q{n}"), stars)
        for n, stars in enumerate((5, 4, 1))
    ]

    services.moderate(ratings[0], Rating.Status.APPROVED, by=admin)
    services.moderate(ratings[1], Rating.Status.APPROVED, by=admin)
    services.moderate(ratings[2], Rating.Status.HIDDEN, by=admin)

    summary = RatingSummary.objects.get(expert=expert)
    assert (str(summary.average), summary.count) == ("4.50", 2)
    services.moderate(ratings[0], Rating.Status.HIDDEN, by=admin)
    summary.refresh_from_db()
    assert (str(summary.average), summary.count) == ("4.00", 1)


def test_the_expert_replies_once_and_only_to_their_own_ratings(client_user, expert):
    rating = services.rate(client_user, answered(client_user, expert), 3, "Moyen")
    with pytest.raises(Http404):
        services.reply_to_rating(client_user, rating, "Pas à moi")

    services.reply_to_rating(expert.user, rating, "Merci pour le retour")

    with pytest.raises(RatingRefused):
        services.reply_to_rating(expert.user, rating, "Encore")
    assert Rating.objects.get().expert_reply == "Merci pour le retour"
