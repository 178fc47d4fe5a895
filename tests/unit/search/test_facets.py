"""Parsing a query string into a selection, and the links of a faceted page (no server needed)."""

from django.http import QueryDict
from django.utils import translation

from search import faceted, facets, listing
from search.facets import EXPERT_FACETS, FacetCounts, FacetValue, RangeFacet


def expert_selection(query_string):
    kind = faceted.experts()
    return kind, faceted.parse(kind, QueryDict(query_string), EXPERT_FACETS)


def test_parse_keeps_known_values_and_drops_malformed_ones():
    _kind, selection = expert_selection("q=+droit+&domain=law&text_price=10-25&text_price=7-9&sort_by=nope")
    assert selection.query == "droit"
    assert selection.values == {"domain": ["law"], "text_price": ["10-25"]}
    assert selection.sort == faceted.RELEVANCE


def test_price_bands_are_half_open_and_the_last_has_no_top():
    band = RangeFacet("price", "Price", "price", (20, 50))
    assert [band.key(low, high) for low, high in band.ranges] == ["0-20", "20-50", "50-"]
    assert band.es_filter(["50-"]) == {
        "bool": {"should": [{"range": {"price": {"gte": 50}}}], "minimum_should_match": 1}
    }


def test_each_value_link_adds_or_removes_itself_and_chips_remove_one_filter():
    kind, selection = expert_selection("language=fr&text_price=10-25&sort_by=newest")
    counts = [
        FacetCounts(
            "language",
            "Language",
            [FacetValue("fr", "French", 2, selected=True), FacetValue("ar", "Arabic", 1)],
        )
    ]
    context = listing.decorate("/fr/experts/", selection, counts, kind.sorts, EXPERT_FACETS)
    french, arabic = counts[0].values
    assert french.url == "/fr/experts/?text_price=10-25&sort_by=newest"
    assert arabic.url == "/fr/experts/?language=ar&language=fr&text_price=10-25&sort_by=newest"
    assert [chip.remove_url for chip in context["chips"]] == [
        "/fr/experts/?text_price=10-25&sort_by=newest",
        "/fr/experts/?language=fr&sort_by=newest",
    ]
    assert context["canonical_url"] == "/fr/experts/?language=fr&text_price=10-25"


def test_a_vocabulary_facet_reads_its_names_once_for_all_its_values(monkeypatch):
    reads = []

    def vocabulary():
        reads.append(1)
        return {"seller": {"s1": "Atelier Fès"}}

    monkeypatch.setattr(facets, "product_vocabulary", vocabulary)
    labels = facets._seller_labels(["s1", "s2", "s3"])
    assert labels == {"s1": "Atelier Fès", "s2": "s2", "s3": "s3"}
    assert len(reads) == 1


def test_product_facets_label_categories_sellers_and_types_from_the_one_vocabulary_they_read(monkeypatch):
    reads = []

    def vocabulary():
        reads.append(1)
        return {"category": {"3": "Poterie"}, "seller": {"s1": "Atelier"}, "type": {}, "attributes": {}}

    monkeypatch.setattr(facets, "product_vocabulary", vocabulary)
    by_name = {facet.name: facet for facet in facets.product_facets()}
    assert by_name["category"].labels(["3", "9"]) == {"3": "Poterie", "9": "9"}
    assert by_name["seller"].labels(["s1"]) == {"s1": "Atelier"}
    assert by_name["product_type"].labels(["digital"]) == {"digital": "digital"}
    assert len(reads) == 1


def test_remembered_labels_stay_per_language():
    with translation.override("fr"):
        assert facets.price_labels(["20-50", "200-"])["20-50"] == "De 20 à 50"
    with translation.override("ar"):
        assert facets.price_labels(["20-50"]) == {"20-50": "من 20 إلى 50"}
    with translation.override("fr"):
        assert facets.price_labels(["20-50"]) == {"20-50": "De 20 à 50"}
        assert facets.yes_no_labels(["true"]) == {"true": "Oui"}
