"""Print a new VAPID private key for ``NOTIFICATIONS_VAPID_PRIVATE_KEY`` (web push)."""

import base64

from django.core.management.base import BaseCommand
from py_vapid import Vapid


class Command(BaseCommand):
    help = "Print a new VAPID private key (base64url, raw) to set as NOTIFICATIONS_VAPID_PRIVATE_KEY."

    def handle(self, *args, **options):
        signer = Vapid()
        signer.generate_keys()
        raw = signer.private_key.private_numbers().private_value.to_bytes(32, "big")
        self.stdout.write(base64.urlsafe_b64encode(raw).decode().rstrip("="))
