"""Support agents work in the Wagtail admin: its menu leads them to the support console."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .access import is_support_staff


class SupportConsoleItem(MenuItem):
    def is_shown(self, request):
        return is_support_staff(request.user)


@hooks.register("register_admin_menu_item")
def support_console_menu_item():
    return SupportConsoleItem(
        _("Support console"), reverse_lazy("messaging-support:console"), icon_name="mail", order=250
    )
