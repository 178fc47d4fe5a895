"""The trace that a paid order line was fulfilled by a step: unique per (line, step), written in
the same transaction as the step's own effects, so a replayed payment fulfils a line once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FulfilledLine(models.Model):
    line = models.ForeignKey(
        "order.Line", on_delete=models.PROTECT, related_name="fulfilments", verbose_name=_("order line")
    )
    #: The product class slug whose step ran.
    step = models.CharField(_("step"), max_length=128)
    quantity = models.PositiveIntegerField(_("quantity"))
    created_at = models.DateTimeField(_("fulfilled"), auto_now_add=True)

    class Meta:
        verbose_name = _("fulfilled line")
        verbose_name_plural = _("fulfilled lines")
        constraints = [
            models.UniqueConstraint(fields=["line", "step"], name="fulfilment_once_per_line_and_step")
        ]

    def __str__(self):
        return f"{self.step}: {self.line}"
