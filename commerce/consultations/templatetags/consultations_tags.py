"""``{% expert_reviews expert %}``: an expert's published ratings on their public profile, without
the experts app reading this one's tables."""

from math import ceil

from django import template

from ..selectors import published_ratings, response_time

register = template.Library()

#: Ratings shown on a profile (the newest).
SHOWN = 10


@register.inclusion_tag("consultations/reviews.html")
def expert_reviews(expert):
    return {"expert": expert, "ratings": list(published_ratings(expert)[:SHOWN])}


@register.simple_tag
def expert_response_hours(expert):
    """The expert's usual time to answer in whole hours (at least 1), or ``None`` before a first answer."""
    waited = response_time(expert)
    return None if waited is None else max(1, ceil(waited.total_seconds() / 3600))
