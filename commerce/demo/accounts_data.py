"""One demo account per role, with a published password so anyone can try each face of the site.

These passwords are public on purpose: they exist only in demo data, and ``seed_demo`` prints them.
"""

# ruff: noqa: S106

from dataclasses import dataclass

from commerce.users.roles import EXPERTS, MARKETING, PLATFORM_ADMINS, SELLERS, SHOPPERS, SUPPORT


@dataclass(frozen=True)
class DemoAccount:
    """A user, the role group it joins, its staff flags and, for sellers, the partner it manages."""

    label: str
    email: str
    password: str
    first_name: str
    last_name: str
    role: str
    is_staff: bool = False
    is_superuser: bool = False
    shop: str = ""


ACCOUNTS = (
    DemoAccount(
        "Platform admin",
        "admin@souk.example",
        "demo-admin-2026",
        "Amine",
        "Trabelsi",
        PLATFORM_ADMINS,
        is_staff=True,
        is_superuser=True,
    ),
    DemoAccount(
        "Marketing",
        "marketing@souk.example",
        "demo-marketing-2026",
        "Salma",
        "Jaziri",
        MARKETING,
        is_staff=True,
    ),
    DemoAccount(
        "Support", "support@souk.example", "demo-support-2026", "Karim", "Ayari", SUPPORT, is_staff=True
    ),
    DemoAccount(
        "Seller (Dar Nabeul)",
        "dar-nabeul@souk.example",
        "demo-seller-nabeul-2026",
        "Leïla",
        "Ben Ammar",
        SELLERS,
        shop="dar-nabeul",
    ),
    DemoAccount(
        "Seller (Jebba & Co)",
        "jebba-co@souk.example",
        "demo-seller-jebba-2026",
        "Mehdi",
        "Gharbi",
        SELLERS,
        shop="jebba-co",
    ),
    DemoAccount(
        "Seller (Carthage Digital)",
        "carthage-digital@souk.example",
        "demo-seller-carthage-2026",
        "Yasmine",
        "Chaabane",
        SELLERS,
        shop="carthage-digital",
    ),
    DemoAccount("Expert", "expert@souk.example", "demo-expert-2026", "Nour", "Haddad", EXPERTS),
    DemoAccount("Shopper", "shopper@souk.example", "demo-shopper-2026", "Sami", "Khelifi", SHOPPERS),
)
