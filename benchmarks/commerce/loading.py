"""Class loader of the benchmark: the project's, plus Oscar's haystack search classes it leaves out.

The project's loader (``search.loading``) keeps every ``search.*`` class on our app. Stock Oscar's
catalogue list asks for ``search.forms.BrowseCategoryForm``, ``search.facets.base_sqs`` … which only
Oscar's haystack app has: when our module lacks a class, take Oscar's. Our classes still win.
"""

from importlib import import_module

from oscar.core.exceptions import ClassNotFoundError
from oscar.core.loading import _pluck_classes

from search.loading import REPLACED_APP
from search.loading import class_loader as project_class_loader


def class_loader(module_label, classnames, module_prefix):
    try:
        return project_class_loader(module_label, classnames, module_prefix)
    except (ImportError, ClassNotFoundError):
        if module_label.split(".", 1)[0] != REPLACED_APP:
            raise
    return _pluck_classes([import_module(f"{module_prefix}.{module_label}")], classnames)
