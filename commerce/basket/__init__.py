default_app_config = "commerce.basket.apps.BasketConfig"
