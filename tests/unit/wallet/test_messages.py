"""Refusals read in the shopper's language (the wallet's own catalogue, fr and ar)."""

from django.utils import translation

from commerce.wallet.exceptions import InsufficientCoins, InvalidCoins


def test_refusals_are_translated():
    with translation.override("fr"):
        assert str(InsufficientCoins(needed=30, available=12)) == (
            "Pas assez de coins : 30 nécessaires, votre portefeuille en contient 12."
        )
    with translation.override("ar"):
        assert str(InvalidCoins()) == "يجب أن يكون عدد النقاط عددًا صحيحًا أكبر من الصفر."
    with translation.override("en"):
        assert str(InsufficientCoins(needed=2, available=1)).endswith("your wallet holds 1 coin.")
