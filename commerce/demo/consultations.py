"""Seeds the demo shopper's coins and paid messages with demo experts (answered and rated, or
waiting), through the wallet and consultations services; run once, kept as they are afterwards."""

from commerce.consultations import services
from commerce.consultations.models import PaidMessage, Rating
from commerce.experts.models import ExpertProfile
from commerce.users.models import User
from commerce.users.roles import PLATFORM_ADMINS
from commerce.wallet import services as wallet

SHOPPER = "shopper@souk.example"
#: Coins the demo shopper is given (a goodwill grant, once: the key makes it idempotent).
SHOPPER_COINS = 200

#: (expert's email, question, answer or None while waiting, stars given to the answer).
CONVERSATIONS = (
    (
        "expert@souk.example",
        "Bonjour, je gagne 1 500 TND par mois : par où commencer pour épargner ?",
        "Commencez par mettre de côté 10 % le jour de la paie, sur un compte séparé, puis visez "
        "trois mois de dépenses en réserve avant tout placement.",
        5,
    ),
    (
        "amel.bensalem@experts.souk.example",
        "Que manger le soir pour mieux dormir ?",
        "Un dîner léger deux heures avant le coucher, riche en légumes et en céréales complètes ; "
        "évitez le café après 15 h.",
        4,
    ),
    (
        "leila.chef@experts.souk.example",
        "Comment réussir un couscous au poisson pour six personnes ?",
        "Comptez 1,2 kg de mérou, faites la sauce avec le poisson en fin de cuisson et arrosez la "
        "graine deux fois.",
        5,
    ),
    (
        "expert@souk.example",
        "Et pour un premier placement, vaut-il mieux un compte épargne ou des actions ?",
        None,
        None,
    ),
    ("karim.jaziri@experts.souk.example", "Quel ordinateur portable pour le développement web ?", None, None),
)


def seed_consultations(report):
    shopper = User.objects.filter(email__iexact=SHOPPER).first()
    if shopper is None:
        return
    wallet.credit_coins(
        shopper, SHOPPER_COINS, source="goodwill", key="demo:shopper-coins", memo="Demo coins"
    )
    if PaidMessage.objects.filter(client=shopper).exists():
        report.tally("paid messages", False)
        return
    admin = User.objects.filter(groups__name=PLATFORM_ADMINS).order_by("pk").first()
    for email, question, answer, stars in CONVERSATIONS:
        expert = (
            ExpertProfile.objects.listed().select_related("user").filter(user__email__iexact=email).first()
        )
        if expert is None:
            continue
        message = services.send(shopper, expert, "text", question)
        report.tally("paid messages", True)
        if answer is None:
            continue
        services.reply(expert.user, message, answer)
        rating = services.rate(shopper, message, stars, "Merci, réponse claire et rapide.")
        if admin is not None:
            services.moderate(rating, Rating.Status.APPROVED, by=admin)
