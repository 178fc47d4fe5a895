default_app_config = "commerce.dashboard.apps.DashboardConfig"
