"""A message's text shown as HTML: escaped, web addresses made into links that cannot run anything.

nh3 keeps only ``<a href>`` with http(s) or mailto addresses, and gives every link
``rel="nofollow noopener noreferrer ugc"``, so a message can neither carry markup nor open a page
that controls ours.
"""

import re

import nh3
from django.utils.html import escape

URL = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
#: Trailing punctuation that usually ends the sentence, not the address.
TRAILING = ".,;:!?)]}»"
#: Most characters a message may hold.
MAX_LENGTH = 4000


def _link(match):
    url = match.group(0)
    tail = ""
    while url and url[-1] in TRAILING:
        url, tail = url[:-1], url[-1] + tail
    return f'<a href="{url}" target="_blank">{url}</a>{tail}'


def message_html(body):
    """``body`` (plain text as typed) as safe HTML with clickable links and line breaks."""
    linked = URL.sub(_link, escape(body or ""))
    cleaned = nh3.clean(
        linked,
        tags={"a", "br"},
        attributes={"a": {"href", "target"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer ugc",
    )
    return cleaned.replace("\n", "<br>")


def clean_body(body):
    """The text as it is stored: control characters other than line breaks removed, trimmed."""
    text = "".join(ch for ch in str(body or "") if ch in "\n\t" or ord(ch) >= 32 and ord(ch) != 127)
    return text.strip()
