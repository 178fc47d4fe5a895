from django.urls import path
from oscar.apps.checkout import apps


class CheckoutConfig(apps.CheckoutConfig):
    """One-page checkout (quick checkout) and the pop-up checkout of one product, instead of Oscar's
    multi-step flow.

    Oscar's step views are not routed: its payment-details step would place an order without any
    payment, so every order goes through ``commerce.checkout.services.place_order``.
    """

    name = "commerce.checkout"

    def ready(self):
        """Tell payment how to confirm or cancel an order and give a basket back (payment may not
        import checkout: ``commerce.payment.order_callbacks``)."""
        super().ready()
        from commerce.payment.order_callbacks import OrderCallbacks, register  # models load with the apps

        from . import (
            buy_now,
            notices,  # noqa: F401 - registers the pop-up order's notification
            services,
        )

        register(
            OrderCallbacks(
                confirm_payment=services.confirm_payment,
                cancel_unpaid_order=services.cancel_unpaid_order,
                recover_basket=buy_now.recover_basket,
            )
        )

    def get_urls(self):
        from .views import BuyNowView, QuickCheckoutView  # views load models: only once apps are ready

        urls = [
            path("", QuickCheckoutView.as_view(), name="index"),
            path("buy/<int:pk>/", BuyNowView.as_view(), name="buy-now"),
            path("thank-you/", self.thankyou_view.as_view(), name="thank-you"),
        ]
        return self.post_process_urls(urls)
