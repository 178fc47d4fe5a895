"""A domain of expertise renamed or removed (in the Django admin, which calls no service) makes the
experts' pages and cards stale: the page cache's ``experts`` tag is bumped."""

from django.db.models.signals import post_delete, post_save

from commerce.core import pagecache

from .models import Domain


def domain_changed(sender, instance, **kwargs):
    pagecache.invalidate(pagecache.EXPERTS_TAG)


def connect():
    post_save.connect(domain_changed, sender=Domain, dispatch_uid="experts-domain-saved")
    post_delete.connect(domain_changed, sender=Domain, dispatch_uid="experts-domain-deleted")
