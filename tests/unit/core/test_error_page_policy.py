"""The 500 page renders without a request, so its inline script is allowed by hash, not by nonce."""

import base64
import hashlib
import re

from django.conf import settings
from django.template.loader import render_to_string


def test_the_500_pages_inline_script_is_allowed_by_the_policy():
    # given: the inline script as the 500 page sends it (from the include every page shares)
    page = render_to_string("500.html")
    [script] = re.findall(r"<script>(.*?)</script>", page, re.S)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    # then: its hash is in script-src (a change to the script must change the policy too)
    assert f"'sha256-{digest}'" in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]
