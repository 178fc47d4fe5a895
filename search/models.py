"""What a visitor searched: recent searches (per user, or per session for guests) and saved searches
that alert when a new product or expert matches (once per saved search and item)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

KINDS = (("products", _("Products")), ("experts", _("Experts")))


class RecentSearch(models.Model):
    """One of the last searches of a user (or of a guest's session), newest kept first."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    session_key = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=10, choices=KINDS)
    query = models.CharField(max_length=200)
    #: The canonical query string (text, filters and sort) to run the search again.
    params = models.CharField(max_length=1000)
    searched_at = models.DateTimeField()

    class Meta:
        ordering = ["-searched_at", "-pk"]
        verbose_name = _("recent search")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(session_key=""),
                name="search_recent_has_owner",
            ),
            models.UniqueConstraint(
                fields=["user", "kind", "params"],
                condition=models.Q(user__isnull=False),
                name="search_recent_unique_user",
            ),
            models.UniqueConstraint(
                fields=["session_key", "kind", "params"],
                condition=models.Q(user__isnull=True),
                name="search_recent_unique_session",
            ),
        ]

    def __str__(self):
        return self.query or self.params


class SavedSearch(models.Model):
    """ "Alert me": a user's search (text and filters) run again on each new product or expert."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=KINDS)
    params = models.CharField(_("search"), max_length=1000)
    label = models.CharField(_("name"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "params"], name="search_saved_unique"),
        ]

    def __str__(self):
        return self.label


class SavedSearchAlert(models.Model):
    """That a saved search's owner was told about one item: the constraint makes it once."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="alerts")
    object_id = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "object_id"], name="search_alert_once"),
        ]

    def __str__(self):
        return f"{self.saved_search_id}:{self.object_id}"


class ExpertAvailability(models.Model):
    """An expert's next free call slot, as last worked out from the bookings' availability.

    Written by the index task before it indexes the expert; the expert document and the
    directory's database fallback both read it, so "available in the next N days" filters the same
    experts with the search server up or down, and a directory page runs no slots engine.
    """

    expert = models.OneToOneField(
        "experts.ExpertProfile",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_availability",
    )
    #: Start of the first free slot within the widest window; none when there is none.
    next_free_at = models.DateTimeField(null=True, blank=True, db_index=True)
    computed_at = models.DateTimeField()

    def __str__(self):
        return f"{self.expert_id}: {self.next_free_at}"


class ProductOffer(models.Model):
    """A product's lowest price over its own and its variants' stock records: a database view
    (``search/migrations/0003_product_offer.py``), read by the catalogue's database fallback.

    One grouped pass over the stock records joined to the products replaces two correlated
    subqueries per product, which the price filter, the price sort and the page count each ran
    again. A view, not a copied column: it is right whatever wrote the prices (dashboard, imports).
    """

    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_constraint=False,
        related_name="search_offer",
    )
    price = models.DecimalField(max_digits=12, decimal_places=3, null=True)

    class Meta:
        managed = False
        db_table = "search_product_offer"

    def __str__(self):
        return f"{self.product_id}: {self.price}"
