from django.db.models.signals import post_delete, post_save
from oscar.apps.catalogue import apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "commerce.catalogue"

    def ready(self):
        super().ready()
        from . import navigation

        Category = self.get_model("Category")
        post_save.connect(navigation.invalidate, sender=Category, dispatch_uid="catalogue.navigation.save")
        post_delete.connect(
            navigation.invalidate, sender=Category, dispatch_uid="catalogue.navigation.delete"
        )
