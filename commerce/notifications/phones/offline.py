"""Placeholder credentials of the offline test mode, shared by the clients' settings and the fakes.

Not secrets: the local fakes accept these and nothing else, and the real APIs refuse them.
"""

TELEGRAM_TOKEN = "1000000:offline-test-mode"  # noqa: S105
TELEGRAM_CHAT_ID = "1000001"
WHATSAPP_TOKEN = "offline-test-mode"  # noqa: S105
WHATSAPP_PHONE_NUMBER_ID = "100000000000001"
WHATSAPP_ADMIN_NUMBER = "21620000000"
#: The Graph API version in the fake's paths (the project's base URL ends with it).
GRAPH_VERSION = "v21.0"
