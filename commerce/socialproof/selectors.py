"""Which social accounts an expert linked, and which providers this site may link at all."""

from allauth.socialaccount.models import SocialAccount
from django.conf import settings

#: Providers shown as badges, in this order: (allauth provider or app id, label).
BADGES = (("linkedin", "LinkedIn"), ("instagram", "Instagram"))


def configured():
    """``[(id, label)]`` of the providers with a client id set (none: no button, no link)."""
    providers = settings.SOCIALACCOUNT_PROVIDERS
    ids = set()
    for app in providers.get("openid_connect", {}).get("APPS", []):
        if app.get("client_id"):
            ids.add(app.get("provider_id"))
    if any(app.get("client_id") for app in providers.get("instagram", {}).get("APPS", [])):
        ids.add("instagram")
    return [(code, label) for code, label in BADGES if code in ids]


def linked(user):
    """``[(id, label, account)]`` of the user's linked accounts among the badges."""
    accounts = {account.provider: account for account in SocialAccount.objects.filter(user=user)}
    return [(code, label, accounts[code]) for code, label in BADGES if code in accounts]


def linked_by_user(user_ids):
    """``{user_id: [label, …]}`` for many users at once (one query: queues and directories)."""
    labels = dict(BADGES)
    found = {}
    for user_id, provider in SocialAccount.objects.filter(
        user_id__in=user_ids, provider__in=labels
    ).values_list("user_id", "provider"):
        found.setdefault(user_id, []).append(labels[provider])
    return found
