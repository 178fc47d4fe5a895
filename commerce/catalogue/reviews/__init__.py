default_app_config = "commerce.catalogue.reviews.apps.CatalogueReviewsConfig"
