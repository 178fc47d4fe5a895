"""Recording a reader's answer to "was this article helpful?".

Kept apart from ``services`` (the digest, which reads the feedback model) so the article page's
``serve()`` can call it without an import cycle: it reaches the feedback through the article.
"""

from django.conf import settings
from django.db import transaction

from cms_pages.core.ratelimit import allow


def record_feedback(article, *, helpful, comment="", language="", client=""):
    """Store one answer; ``None`` (nothing stored) when ``client`` answered too often lately."""
    limit, seconds = settings.CMS_FEEDBACK_RATE_LIMIT
    if not allow("help-feedback", client, limit, seconds):
        return None
    with transaction.atomic():
        return article.feedback.create(helpful=helpful, comment=comment.strip()[:1000], language=language[:8])
