from tests.integration.digital.conftest import clamd_url, scanning  # noqa: F401 - fixtures: clamd
