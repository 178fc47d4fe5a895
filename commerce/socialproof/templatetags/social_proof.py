"""Social-proof pieces the experts' templates include: the linking panel of the verification
screen, the linked accounts of an application, the public badges, and the queue's badges."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("socialproof/link_panel.html", takes_context=True)
def social_link_panel(context):
    """Link buttons for the configured providers not linked yet; what is linked, with its name."""
    user = context["request"].user
    linked = selectors.linked(user)
    linked_ids = {code for code, _label, _account in linked}
    return {
        "request": context["request"],
        "linked": linked,
        "to_link": [(code, label) for code, label in selectors.configured() if code not in linked_ids],
    }


@register.inclusion_tag("socialproof/linked_accounts.html")
def social_linked_accounts(user):
    """The linked accounts of an application, with their profile links (admins' review)."""
    return {"linked": selectors.linked(user)}


@register.inclusion_tag("socialproof/badges.html")
def social_badges(user):
    return {"linked": selectors.linked(user)}


@register.simple_tag
def social_labels_for(profiles):
    """``{user_id: [label, …]}`` of a page of profiles, in one query."""
    return selectors.linked_by_user([profile.user_id for profile in profiles])


@register.filter
def labels_of(found, user_id):
    return ", ".join(found.get(user_id, []))
