"""``manage.py wallet_grant <email> <coins> --reason "…"``: goodwill coins, recorded and audited."""

import pghistory
from django.core.management.base import BaseCommand, CommandError

from commerce.users.models import User
from commerce.wallet import services
from commerce.wallet.exceptions import WalletError
from commerce.wallet.selectors import wallet_summary


class Command(BaseCommand):
    help = (
        "Grant goodwill coins to a user's wallet, with a reason (recorded in the ledger and the audit trail)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("coins", type=int)
        parser.add_argument("--reason", required=True)
        parser.add_argument("--by", help="Email of the staff member granting (recorded as the grantor).")
        parser.add_argument("--key", help="Idempotency key: running again with the same key grants once.")

    def handle(self, *args, email, coins, reason, by=None, key=None, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user with the email {email}.")
        granted_by = None
        if by:
            granted_by = User.objects.filter(email__iexact=by).first()
            if granted_by is None:
                raise CommandError(f"No user with the email {by}.")
        try:
            with pghistory.context(command="wallet_grant"):
                record = services.grant_goodwill(user, coins, reason=reason, granted_by=granted_by, key=key)
        except WalletError as error:
            raise CommandError(str(error)) from error
        balance, held = wallet_summary(user)
        self.stdout.write(
            f"Transaction #{record.pk}: {coins} coins to {user.email}; "
            f"wallet {balance} coins ({held} on hold)."
        )
