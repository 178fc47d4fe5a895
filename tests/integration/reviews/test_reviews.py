"""Reviews come from verified buyers (a badge), wait for moderation, show a first name and an
initial, and the product's seller may answer each once, publicly."""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from commerce.catalogue.reviews import services
from commerce.catalogue.reviews.exceptions import AlreadyReplied, NotAllowedToModerate, NotTheSeller
from commerce.checkout import services as checkout
from commerce.order import services as orders
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.checkout import TUNIS, basket_with, ensure_tunisia
from tests.factories.sellers import make_seller, make_shop

ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db

REVIEW = {"title": "Très beau tajine", "score": 5, "body": "Cuisson parfaite, livré vite."}


@pytest.fixture
def market(db):
    ensure_tunisia()
    shop = make_shop("Dar Nabeul")
    seller = make_seller(shop, "leila@dar-nabeul.example")
    tajine, _ = product_for_sale("Tajine émaillé", shop=shop, price="45.000")
    buyer = make_user("nadia@example.com", first_name="Nadia", last_name="Trabelsi")
    order = checkout.place_order(
        basket=basket_with((tajine, 1), owner=buyer),
        customer=checkout.Customer("Nadia", "Trabelsi", buyer.email, "+21620123456", buyer),
        payment_method="cod",
        delivery=TUNIS,
    )
    orders.ship_lines(order.lines.all())
    orders.record_delivery(order.lines.all())
    return {"shop": shop, "seller": seller, "product": tajine, "buyer": buyer}


def add_url(product):
    with translation.override("fr"):
        return reverse(
            "catalogue:reviews-add", kwargs={"product_slug": product.slug, "product_pk": product.pk}
        )


def test_someone_who_never_bought_the_product_cannot_review_it(client, market):
    client.force_login(make_user("curieux@example.com", first_name="Sami"))
    response = client.post(add_url(market["product"]), REVIEW, follow=True)
    assert not ProductReview.objects.exists()
    assert "Seuls les clients ayant acheté ce produit peuvent le noter." in response.content.decode()


def test_a_verified_buyers_review_waits_for_the_sellers_approval_then_shows_first_name_and_initial(
    client, market
):
    product = market["product"]
    client.force_login(market["buyer"])
    client.post(add_url(product), REVIEW)
    review = ProductReview.objects.get()
    assert review.verified_purchase and review.pending_moderation
    page = client.get(product.get_absolute_url()).content.decode()
    assert "Très beau tajine" not in page
    # when: the seller publishes it from its dashboard
    client.force_login(market["seller"])
    client.post("/dashboard/shop/reviews/", {"review": review.pk, "action": "approve"})
    review.refresh_from_db()
    assert review.is_approved
    page = client.get(product.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Très beau tajine" in page and "Nadia T." in page and "Trabelsi" not in page
    assert "Achat vérifié" in page


def test_the_seller_replies_once_publicly(client, market):
    review = services.submit_review(market["product"], market["buyer"], **REVIEW)
    services.moderate(review, by=market["seller"], approve=True)
    client.force_login(market["seller"])
    client.post("/dashboard/shop/reviews/", {"review": review.pk, "action": "reply", "text": "Merci Nadia !"})
    with pytest.raises(AlreadyReplied):
        services.reply(review, by=market["seller"], text="Une seconde réponse")
    review.refresh_from_db()
    assert review.seller_reply == "Merci Nadia !"
    page = client.get(market["product"].get_absolute_url()).content.decode()
    assert "Merci Nadia !" in page and "Une seconde réponse" not in page


def test_another_shop_neither_moderates_nor_replies(market):
    review = services.submit_review(market["product"], market["buyer"], **REVIEW)
    stranger = make_seller(make_shop("Jebba & Co"))
    with pytest.raises(NotAllowedToModerate):
        services.moderate(review, by=stranger, approve=True)
    with pytest.raises(NotTheSeller):
        services.reply(review, by=stranger, text="Achetez plutôt chez nous")


def test_when_admins_moderate_the_seller_cannot_publish(market, settings):
    settings.REVIEWS_MODERATED_BY = "admin"
    review = services.submit_review(market["product"], market["buyer"], **REVIEW)
    with pytest.raises(NotAllowedToModerate):
        services.moderate(review, by=market["seller"], approve=True)
    admin = make_user("admin@example.com", is_staff=True)
    assert services.moderate(review, by=admin, approve=True).is_approved


def test_only_a_buyer_is_offered_to_write_a_review(client, market):
    product = market["product"]
    client.force_login(make_user("curieux@example.com"))
    assert "reviews/add/" not in client.get(product.get_absolute_url()).content.decode()
    client.force_login(market["buyer"])
    assert "reviews/add/" in client.get(product.get_absolute_url()).content.decode()
