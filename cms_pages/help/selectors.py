"""Reads of the help centre: categories, search, related articles, feedback figures.

The page models call these (``models.py`` imports this module), so each read imports the models
it needs when it runs.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone


def categories_with_articles(centre):
    from .models import HelpArticlePage, HelpCategoryPage  # models imports this module

    categories = list(HelpCategoryPage.objects.child_of(centre).live().public().order_by("path"))
    articles = HelpArticlePage.objects.descendant_of(centre).live().public().order_by("path")
    by_parent = {}
    for article in articles:
        parent_path = article.path[: -article.steplen]
        by_parent.setdefault(parent_path, []).append(article)
    for category in categories:
        category.article_list = by_parent.get(category.path, [])
    return categories


def search_articles(centre, query, limit=30):
    """Live articles of this help centre (so of its language) matching ``query``, best first."""
    from .models import HelpArticlePage  # models imports this module

    articles = HelpArticlePage.objects.live().public().descendant_of(centre)
    results = list(articles.search(query, operator="or")[:limit])
    if not results:  # short words, partial words: fall back to a plain substring match
        results = list(
            articles.filter(Q(title__icontains=query) | Q(summary__icontains=query)).order_by("path")[:limit]
        )
    return results


def related_articles(article, limit=5):
    from .models import HelpArticlePage  # models imports this module

    return list(
        HelpArticlePage.objects.sibling_of(article, inclusive=False).live().public().order_by("path")[:limit]
    )


def feedback_summary(*, days=None):
    """Per article: helpful and not-helpful counts (over ``days`` days, or all time), worst first."""
    from .models import HelpArticleFeedback  # models imports this module

    rows = HelpArticleFeedback.objects.all()
    if days:
        rows = rows.filter(created_at__gte=timezone.now() - timedelta(days=days))
    summary = list(
        rows.order_by()
        .values("article_id", "article__title", "language")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    )
    return sorted(summary, key=lambda row: (-row["no"], row["article__title"]))


#: Answers an article needs before its score means anything, and the share of "helpful" below
#: which Support is shown it on the Wagtail home.
LOW_SCORE_MIN_ANSWERS = 3
LOW_SCORE_HELPFUL_SHARE = 0.5


def low_scoring_articles(*, days=30, limit=10):
    """Articles most readers found unhelpful lately (worst first), with their counts and share."""
    rows = []
    for row in feedback_summary(days=days):
        answers = row["yes"] + row["no"]
        if answers >= LOW_SCORE_MIN_ANSWERS and row["yes"] / answers < LOW_SCORE_HELPFUL_SHARE:
            rows.append({**row, "answers": answers, "helpful_percent": round(100 * row["yes"] / answers)})
    rows.sort(key=lambda row: (row["helpful_percent"], -row["answers"]))
    return rows[:limit]
