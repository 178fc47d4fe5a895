"""The site's Content-Security-Policy, with one relaxation for back-office pages that need it.

The policy itself is ``CONTENT_SECURITY_POLICY`` in settings (django-csp). Scripts run only from the
site's own files or with the request's nonce. The Wagtail admin still renders some inline scripts
without a nonce (inline panels, date pickers): under ``SECURITY_INLINE_SCRIPT_PATHS`` scripts may be
inline instead (a nonce in the policy would make browsers ignore ``'unsafe-inline'``).

The middleware sits above the page cache, so a cached page gets the same header as a fresh one.
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(tuple(settings.SECURITY_INLINE_SCRIPT_PATHS)):
            parts.replace = {**(parts.replace or {}), "script-src": [SELF, UNSAFE_INLINE]}
            parts.nonce = None
        return parts
