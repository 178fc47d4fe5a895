from oscar.apps.catalogue import apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "commerce.catalogue"

    def ready(self):
        super().ready()
        from . import receivers

        receivers.connect()
