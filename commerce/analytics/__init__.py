default_app_config = "commerce.analytics.apps.AnalyticsConfig"
