"""Who reviews experts: platform admins (they hold every permission), nobody else.

Sellers pass the dashboard's own gate but hold no experts permission; Support and Marketing are
staff but never pass that gate. Identity documents and bank details are behind the same check.
"""

from django.utils.translation import gettext_lazy as _

REVIEW_PERMISSION = "experts.change_verification"


def reviews_experts(user, url_name=None, url_args=None, url_kwargs=None):
    """Also Oscar's menu ``access_fn``: the entry shows to the users who may open the queue."""
    return user.is_authenticated and user.is_active and user.has_perm(REVIEW_PERMISSION)


EXPERTS_MENU_ENTRY = {
    "label": _("Experts"),
    "icon": "fas fa-user-check",
    "url_name": "experts-dashboard:queue",
    "access_fn": reviews_experts,
}
