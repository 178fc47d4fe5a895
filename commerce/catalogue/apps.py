from oscar.apps.catalogue import apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "commerce.catalogue"

    def ready(self):
        super().ready()
        from . import receivers  # loads models: only once every app is ready

        receivers.connect()
