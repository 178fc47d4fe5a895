from django.core.management.base import BaseCommand

from commerce.users.roles import sync_roles


class Command(BaseCommand):
    help = "Create the role groups (Shoppers, Sellers, Experts, Marketing, Support, Platform admins)."

    def handle(self, *args, **options):
        sync_roles()
        self.stdout.write(self.style.SUCCESS("Roles synced."))
