"""Seeds two demo conversations through the messaging services, so the chat, the shop's inbox and
the support console open on real threads: the demo shopper asks Dar Nabeul about a product (the
seller answers) and writes to support about a delivery (the support agent takes it and answers).

Seeded once: a second run finds the shopper's threads and leaves them as the users left them.
"""

from commerce.messaging import services
from commerce.messaging.models import Participant, Thread
from commerce.users.models import User

#: (who writes, text): the shopper's question to the shop and the seller's answer.
SELLER_EXCHANGE = (
    ("shopper", "Bonjour, ce plat peut-il aller au four ? Je voudrais l'offrir pour un mariage."),
    (
        "seller",
        "Bonjour Sami, oui : l'émail supporte le four jusqu'à 220 °C. Nous pouvons ajouter un "
        "emballage cadeau, indiquez-le simplement dans la note de commande.",
    ),
    ("shopper", "Parfait, merci beaucoup !"),
)

#: The shopper's question to support and the agent's answer.
SUPPORT_EXCHANGE = (
    ("shopper", "Bonjour, ma commande est-elle livrée à Sfax en moins de trois jours ?"),
    (
        "support",
        "Bonjour, oui : les boutiques de Nabeul livrent Sfax en 48 à 72 heures ouvrées. Vous "
        "recevrez le numéro de suivi par e-mail dès l'expédition.",
    ),
)


def seed_conversations(report, partners):
    """The shopper's two threads, unless the shopper already has threads (kept as they are)."""
    shopper = User.objects.filter(email__iexact="shopper@souk.example").first()
    partner = partners.get("dar-nabeul")
    seller = partner.users.order_by("pk").first() if partner else None
    agent = User.objects.filter(email__iexact="support@souk.example").first()
    if not (shopper and seller and agent):
        return
    if Participant.objects.filter(user=shopper, thread__kind__in=(Thread.SELLER, Thread.SUPPORT)).exists():
        report.tally("conversations", False)
        return
    product = partner.stockrecords.select_related("product").order_by("pk").first()
    thread, _ = services.open_seller_thread(
        client=shopper, partner=partner, product=product.product if product else None
    )
    _exchange(thread, SELLER_EXCHANGE, {"shopper": shopper, "seller": seller})
    report.tally("conversations", True)

    thread, _ = services.open_support_thread(user=shopper)
    services.assign(thread, agent, by=agent)
    _exchange(thread, SUPPORT_EXCHANGE, {"shopper": shopper, "support": agent})
    report.tally("conversations", True)


def _exchange(thread, lines, people):
    for who, body in lines:
        services.post_message(thread, sender=people[who], body=body)
