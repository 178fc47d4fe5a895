"""Platform roles as Django groups, with their model, page and collection permissions.

Each role is declared once here and synced idempotently after every ``migrate`` (and by
``manage.py sync_roles``), so a permission added by a later app reaches its role without a data migration.
What a role needs from one app's own objects (the help centre's pages …) that app registers in
``grants``: this module imports no app.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowTask,
)

from . import grants

SHOPPERS = "Shoppers"
SELLERS = "Sellers"
EXPERTS = "Experts"
MARKETING = "Marketing"
SUPPORT = "Support"
PLATFORM_ADMINS = "Platform admins"

WAGTAIL_ADMIN_ACCESS = "wagtailadmin.access_admin"
#: Wagtail snippets, settings and lists Marketing edits (navigation, footer, testimonials, newsletter).
#: Menus and footers have drafts: Marketing also publishes, locks and unlocks them.
CMS_MARKETING_PERMISSIONS = (
    "cms_core.add_testimonial",
    "cms_core.change_testimonial",
    "cms_core.delete_testimonial",
    *(
        f"cms_core.{action}_{model}"
        for model in ("navigationmenu", "footer")
        for action in ("add", "change", "publish", "lock", "unlock")
    ),
    "cms_core.change_sitesettings",
    "cms_core.view_newslettersubscription",
    "wagtail_localize.submit_translation",
)
CMS_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
#: Task of the promo workflow (settings.CMS_PROMO_WORKFLOW_NAME): Platform admins approve.
PROMO_WORKFLOW_TASK = "Platform admins approve"
MEDIA_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)


@dataclass(frozen=True)
class Role:
    """A group, the model permissions it holds, and the Wagtail page permissions it gets on the tree."""

    name: str
    permissions: tuple[str, ...] = ()
    page_permissions: tuple[str, ...] = ()
    all_permissions: bool = False
    collection_permissions: tuple[str, ...] = field(default=())
    #: Members see other people's names, addresses or money: they must enrol a second factor when
    #: ``USERS_REQUIRE_MFA`` is on, as staff must.
    requires_mfa: bool = False


ROLES = (
    Role(SHOPPERS),
    Role(SELLERS, permissions=("partner.dashboard_access",), requires_mfa=True),
    Role(EXPERTS, requires_mfa=True),
    # Marketing's page permissions cover the tree, but help pages admit Support and Platform admins only
    # and promo pages are published through the promo workflow (cms_pages/core/permissions.py).
    Role(
        MARKETING,
        permissions=(WAGTAIL_ADMIN_ACCESS, *CMS_MARKETING_PERMISSIONS),
        page_permissions=CMS_PAGE_PERMISSIONS,
        collection_permissions=MEDIA_PERMISSIONS,
        requires_mfa=True,
    ),
    Role(
        SUPPORT,
        permissions=(WAGTAIL_ADMIN_ACCESS, "wagtail_localize.submit_translation"),
        collection_permissions=MEDIA_PERMISSIONS,
        requires_mfa=True,  # and the help centre's pages (cms_pages/help/grants.py)
    ),
    Role(PLATFORM_ADMINS, all_permissions=True, page_permissions=CMS_PAGE_PERMISSIONS, requires_mfa=True),
)


def _permissions(codes):
    wanted = {tuple(code.split(".", 1)) for code in codes}
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted}, codename__in={name for _, name in wanted}
    ).select_related("content_type")
    return [p for p in found if (p.content_type.app_label, p.codename) in wanted]


def _sync_page_permissions(group, codenames):
    root = Page.get_first_root_node()
    if root is None:
        return
    for perm in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)


def _sync_promo_workflow():
    """The "Promo approval" workflow: one group approval task for Platform admins (created once)."""
    name = settings.CMS_PROMO_WORKFLOW_NAME
    if not name:
        return
    workflow, _ = Workflow.objects.get_or_create(name=name)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.filter(name=PROMO_WORKFLOW_TASK).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=PROMO_WORKFLOW_TASK)
        task.groups.add(Group.objects.get(name=PLATFORM_ADMINS))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def _sync_collection_permissions(group, codes):
    root = Collection.get_first_root_node()
    if root is None:
        return
    for perm in _permissions(codes):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=perm)


@transaction.atomic
def sync_roles():
    """Create every role group and add its permissions; never removes what an admin granted by hand."""
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        if role.all_permissions:
            group.permissions.add(*Permission.objects.all())
        elif role.permissions:
            group.permissions.add(*_permissions(role.permissions))
        if role.page_permissions:
            _sync_page_permissions(group, role.page_permissions)
        if role.collection_permissions:
            _sync_collection_permissions(group, role.collection_permissions)
        for grant in grants.grants_for(role.name):
            grant(group)
    _sync_promo_workflow()


def sync_roles_after_migrate(sender, **kwargs):
    """post_migrate receiver: acts once per migrate, for the last app, when every permission exists."""
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is last:
        sync_roles()


def add_to_role(user, role_name):
    """Put a user in a role, creating the group if roles were never synced on this database."""
    group, _ = Group.objects.get_or_create(name=role_name)
    user.groups.add(group)
