"""Which role may touch which page type, on top of Wagtail's tree-based page permissions.

Wagtail grants page permissions on a page and everything below it. The help centre lives under
the home page, where Marketing has its permissions, so help pages use ``RolePermissionTester``
to keep only Support (and Platform admins) in; promo pages use it to keep publishing for the
approvers of their moderation workflow.
"""

from wagtail.models import PagePermissionTester

from commerce.users.roles import MARKETING, PLATFORM_ADMINS, SUPPORT

__all__ = ["MARKETING", "PLATFORM_ADMINS", "SUPPORT", "RolePermissionTester", "user_roles"]


def user_roles(user):
    """The user's group names, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if not hasattr(user, "_cms_role_names"):
        user._cms_role_names = frozenset(user.groups.values_list("name", flat=True))
    return user._cms_role_names


def user_has_role(user, *roles):
    return bool(getattr(user, "is_superuser", False)) or bool(user_roles(user) & set(roles))


class RolePermissionTester(PagePermissionTester):
    """Wagtail's tester, with the permissions of users outside ``editor_roles`` dropped.

    ``publisher_roles`` (when set) further limits publishing, unpublishing and scheduling.
    """

    editor_roles = ()
    publisher_roles = None

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser:
            if self.editor_roles and not user_has_role(user, *self.editor_roles):
                self.permissions = set()
            elif self.publisher_roles is not None and not user_has_role(user, *self.publisher_roles):
                self.permissions = self.permissions - {"publish"}


def tester_for(editor_roles=(), publisher_roles=None):
    return type(
        "RolePermissionTester",
        (RolePermissionTester,),
        {"editor_roles": tuple(editor_roles), "publisher_roles": publisher_roles},
    )


HelpPermissionTester = tester_for(editor_roles=(SUPPORT, PLATFORM_ADMINS))
PromoPermissionTester = tester_for(publisher_roles=(PLATFORM_ADMINS,))
