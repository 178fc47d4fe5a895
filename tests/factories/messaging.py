"""Conversations: threads through the services (as clients open them), and a cast of every role."""

from dataclasses import dataclass

from commerce.messaging import services
from commerce.users.roles import PLATFORM_ADMINS, SUPPORT
from tests.factories import make_user
from tests.factories.catalogue import product_for_sale
from tests.factories.sellers import make_seller, make_shop


def support_thread(client_user, first_message=None):
    thread, _created = services.open_support_thread(user=client_user)
    if first_message:
        services.post_message(thread, sender=client_user, body=first_message)
    return thread


def seller_thread(client_user, shop, product=None, first_message=None):
    thread, _created = services.open_seller_thread(client=client_user, partner=shop, product=product)
    if first_message:
        services.post_message(thread, sender=client_user, body=first_message)
    return thread


@dataclass
class Cast:
    """Everyone the access rules tell apart, with a support thread and a seller thread of ``client``."""

    client: object
    other_client: object
    seller: object
    other_seller: object
    support: object
    admin: object
    shop: object
    other_shop: object
    product: object
    support_thread: object
    seller_thread: object

    def user(self, role):
        return None if role == "anonymous" else getattr(self, role)


def make_cast():
    shop, other_shop = make_shop("Dar Nabeul"), make_shop("Souk Sfax")
    product = product_for_sale("Jebba brodée", shop=shop, price="80.000")[0]
    client_user = make_user(email="amel@example.com", first_name="Amel")
    cast = Cast(
        client=client_user,
        other_client=make_user(email="karim@example.com", first_name="Karim"),
        seller=make_seller(shop, "vendeur@darnabeul.tn"),
        other_seller=make_seller(other_shop, "vendeur@soukSfax.tn"),
        support=make_user(email="agent@souk.tn", role=SUPPORT, is_staff=True),
        admin=make_user(email="admin@souk.tn", role=PLATFORM_ADMINS, is_staff=True),
        shop=shop,
        other_shop=other_shop,
        product=product,
        support_thread=support_thread(client_user, "Bonjour, où est ma commande ?"),
        seller_thread=seller_thread(client_user, shop, product, "La jebba existe-t-elle en bleu ?"),
    )
    return cast
