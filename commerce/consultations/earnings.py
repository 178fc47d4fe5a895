"""What consultations add to the expert's earnings page (``commerce.payouts``), registered from
``ConsultationsConfig.ready`` so payouts never imports this app:

- pending earnings (``payouts.pending``): coins held for unanswered paid messages; a hold names its
  earner only once captured, and only the message knows whose answer it pays for;
- two monthly charts (``payouts.charts``): the average response time, in hours, of the answers
  given each month, and the average of the ratings published for the answers, with their count.
"""

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from commerce.payouts import charts, pending

from .models import PaidMessage, Rating


def held_for_paid_messages(user):
    return Q(paid_message__expert__user=user)


def response_hours_by_month(user, since):
    """``{month: Point(hours)}``: how long the answers given that month waited (one query)."""
    waited = ExpressionWrapper(F("answered_at") - F("created_at"), output_field=DurationField())
    rows = (
        PaidMessage.objects.filter(
            expert__user=user, status=PaidMessage.Status.ANSWERED, answered_at__gte=since
        )
        .annotate(month=TruncMonth("answered_at"))
        .values("month")
        .annotate(average=Avg(waited))
        .order_by()
    )
    points = {}
    for row in rows:
        hours = row["average"].total_seconds() / 3600
        points[timezone.localtime(row["month"]).date()] = charts.Point(
            hours, _("%(hours)s h") % {"hours": number_format(hours, decimal_pos=1)}
        )
    return points


def ratings_by_month(user, since):
    """``{month: Point(average stars)}`` of the ratings published, by the month they were given
    (one query); the label carries their count."""
    rows = (
        Rating.objects.filter(
            message__expert__user=user, status=Rating.Status.APPROVED, created_at__gte=since
        )
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(average=Avg("stars"), count=Count("pk"))
        .order_by()
    )
    points = {}
    for row in rows:
        average, count = float(row["average"]), row["count"]
        label = ngettext(
            "%(average)s / 5 (%(count)d rating)", "%(average)s / 5 (%(count)d ratings)", count
        ) % {"average": number_format(average, decimal_pos=1), "count": count}
        points[timezone.localtime(row["month"]).date()] = charts.Point(average, label)
    return points


def register_earnings():
    pending.register(held_for_paid_messages)
    charts.register("response_time", gettext_lazy("Average response time (hours)"), response_hours_by_month)
    charts.register("rating", gettext_lazy("Average rating"), ratings_by_month, maximum=5)
