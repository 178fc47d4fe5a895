"""A linked or unlinked account changes the expert's public badges: the cached expert pages follow."""

from commerce.core import pagecache


def refresh_expert_pages(sender, request=None, **kwargs):
    pagecache.invalidate(pagecache.EXPERTS_TAG)
