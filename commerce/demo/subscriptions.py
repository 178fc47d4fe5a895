"""Demo subscription plans: one per product of the "subscription" class, its interval read from the
product's billing attributes; monthly plans start with a week's trial, every plan grants coins each
period and 10 % off its shop's other products to subscribers."""

from decimal import Decimal

from oscar.core.loading import get_model

from commerce.subscriptions.models import Plan
from commerce.subscriptions.offers import sync_offer

Product = get_model("catalogue", "Product")

#: (billing_interval option, interval_count) of the demo catalogue → the plan's interval.
INTERVALS = {
    ("billing-week", 1): Plan.WEEK,
    ("billing-month", 1): Plan.MONTH,
    ("billing-month", 3): Plan.QUARTER,
    ("billing-year", 1): Plan.YEAR,
}
COINS = {Plan.WEEK: 5, Plan.MONTH: 20, Plan.QUARTER: 60, Plan.YEAR: 240}


def _attribute(product, code):
    value = product.attribute_values.filter(attribute__code=code).first()
    return value.value if value is not None else None


def seed_subscription_plans(report):
    for product in Product.objects.filter(product_class__slug="subscription"):
        option = _attribute(product, "billing_interval")
        key = (getattr(option, "code", None), int(_attribute(product, "interval_count") or 1))
        interval = INTERVALS.get(key)
        if interval is None:
            report.notes.append(
                f"No subscription plan for {product.get_title()}: billing {key} is not offered."
            )
            continue
        plan, created = Plan.objects.get_or_create(
            product=product,
            defaults={
                "interval": interval,
                "trial_days": 7 if interval == Plan.MONTH else 0,
                "coins_per_period": COINS[interval],
                "discount_percent": Decimal("10"),
            },
        )
        if created:
            sync_offer(plan)
        report.tally("subscription plans", created)
