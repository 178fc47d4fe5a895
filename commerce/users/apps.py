from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    """Accounts shared by shoppers, sellers, experts and staff; roles are Django groups."""

    name = "commerce.users"
    label = "users"
    verbose_name = _("Users and roles")

    def ready(self):
        from . import roles  # loads models: only once every app is ready

        # Permissions exist only after every app migrated, so roles are synced on post_migrate
        # (also re-run after a test flush, which empties the groups table).
        post_migrate.connect(roles.sync_roles_after_migrate, dispatch_uid="users.sync_roles")
