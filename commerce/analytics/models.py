"""Oscar's analytics models with amounts stored to the millime (see commerce/money/fields.py), and
product rankings computed from sales."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.analytics.abstract_models import AbstractUserRecord

from commerce.money.fields import ZERO, money_field


class UserRecord(AbstractUserRecord):
    total_spent = money_field(_("Total Spent"), default=ZERO)


class ProductRanking(models.Model):
    """Product ids ranked from recent orders, recomputed by a scheduled task (derived data, no FKs).

    ``anchor_id`` is 0 for the whole-shop rankings, else the product the list is "often bought with".
    Sales data, read by the checkout's upsell and by CMS product blocks; its table was created by
    the CMS app, where it lived first, and kept its name when it moved here.
    """

    class Kind(models.TextChoices):
        BEST_SELLERS = "best_sellers", _("Best-sellers")
        BOUGHT_TOGETHER = "bought_together", _("Often bought together")

    id = models.AutoField(primary_key=True)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    anchor_id = models.PositiveIntegerField(default=0)
    product_ids = models.JSONField(default=list)
    computed_at = models.DateTimeField()

    class Meta:
        db_table = "cms_core_productranking"
        verbose_name = _("product ranking")
        constraints = [models.UniqueConstraint(fields=["kind", "anchor_id"], name="product_ranking_unique")]

    def __str__(self):
        return f"{self.kind} #{self.anchor_id}"


from oscar.apps.analytics.models import *  # noqa: E402, F403 isort:skip
