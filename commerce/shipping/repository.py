"""Which delivery methods a basket may use: none when nothing ships (files, services, coins)."""

from oscar.apps.shipping import repository

from .methods import FlatRateDelivery


class Repository(repository.Repository):
    methods = (FlatRateDelivery(),)
