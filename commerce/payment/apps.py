import oscar.apps.payment.apps as apps


class PaymentConfig(apps.PaymentConfig):
    name = "commerce.payment"

    def ready(self):
        super().ready()
        from . import checks  # noqa: F401 - registers the deployment checks
