"""Oscar class loader that never imports Oscar's own ``search`` modules (they require haystack).

Oscar's catalogue asks ``get_class("search.views", "CatalogueView")``; the stock loader imports
``oscar.apps.search.views`` first, which needs django-haystack configured. Our ``search`` app
replaces that app whole, so its classes come only from here.
"""

from importlib import import_module

from oscar.core.loading import _pluck_classes, default_class_loader

REPLACED_APP = "search"


def class_loader(module_label, classnames, module_prefix):
    if module_label.split(".", 1)[0] == REPLACED_APP:
        return _pluck_classes([import_module(module_label)], classnames)
    return default_class_loader(module_label, classnames, module_prefix)
