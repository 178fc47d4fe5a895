"""``{% expert_reviews expert %}``: an expert's published ratings on their public profile, without
the experts app reading this one's tables."""

from django import template

from ..selectors import published_ratings

register = template.Library()

#: Ratings shown on a profile (the newest).
SHOWN = 10


@register.inclusion_tag("consultations/reviews.html")
def expert_reviews(expert):
    return {"expert": expert, "ratings": list(published_ratings(expert)[:SHOWN])}
