"""Experts tests: the local LinkedIn and Instagram providers for social linking."""

from tests.factories.social import instagram_fake, linkedin_fake, social_providers  # noqa: F401 - fixtures
