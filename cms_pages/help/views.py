"""The "was this helpful?" form posts to the article itself; this parses it and calls the service."""

from django.conf import settings
from django.contrib import messages
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms_pages.core.forms import HONEYPOT_FIELD
from cms_pages.core.ratelimit import allow, client_ip

from . import services


def record_feedback(request, article):
    if request.POST.get(HONEYPOT_FIELD):
        return None
    limit, seconds = getattr(settings, "CMS_FEEDBACK_RATE_LIMIT", (20, 3600))
    if not allow("help-feedback", client_ip(request), limit, seconds):
        messages.warning(request, _("Thank you, we already have your answer."))
        return None
    helpful = request.POST.get("helpful") == "yes"
    return services.record_feedback(
        article, helpful=helpful, comment=request.POST.get("comment", ""), language=get_language() or ""
    )
