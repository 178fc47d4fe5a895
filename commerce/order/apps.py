import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    name = "commerce.order"

    def ready(self):
        super().ready()
        from . import emails  # noqa: F401 - registers the order emails' and seller notices' event types
