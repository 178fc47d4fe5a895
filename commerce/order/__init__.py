default_app_config = "commerce.order.apps.OrderConfig"
