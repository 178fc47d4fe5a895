"""Support edits the help centre, and only it (among the page tree): its pages' permissions."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission

from commerce.users.roles import CMS_PAGE_PERMISSIONS

from .models import HelpCentrePage


def help_centre_pages(group):
    """Page permissions on every help centre page (and so its categories and articles)."""
    perms = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=CMS_PAGE_PERMISSIONS)
    )
    for centre in HelpCentrePage.objects.all():
        for perm in perms:
            GroupPagePermission.objects.get_or_create(group=group, page=centre, permission=perm)
