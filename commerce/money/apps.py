from django.apps import AppConfig


class MoneyConfig(AppConfig):
    """Money in Tunisian dinars: three decimals (millimes) everywhere Oscar stores an amount."""

    name = "commerce.money"
    label = "money"
