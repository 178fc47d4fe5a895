default_app_config = "commerce.dashboard.catalogue.apps.CatalogueDashboardConfig"
