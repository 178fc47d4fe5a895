"""Facet counts from the search server equal the database's counts for the same filters."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.http import QueryDict
from django.utils import timezone
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from commerce.bookings import services as booking_services
from commerce.catalogue.selectors import browsable_products
from commerce.experts.models import ExpertProfile
from search import faceted
from tests.factories.bookings import TUNIS, every_day
from tests.factories.catalogue import physical_class, product_for_sale
from tests.factories.experts import make_domain, make_expert

AttributeOption = get_model("catalogue", "AttributeOption")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")


def colour(product, name):
    group, _ = AttributeOptionGroup.objects.get_or_create(name="Couleurs")
    attribute, _ = ProductAttribute.objects.get_or_create(
        product_class=physical_class(),
        code="colour",
        defaults={"name": "Couleur", "type": "option", "option_group": group},
    )
    option, _ = AttributeOption.objects.get_or_create(group=group, option=name)
    ProductAttributeValue.objects.create(attribute=attribute, product=product, value_option=option)
    product.save()


@pytest.fixture
def shop_catalogue(fresh_indexes, indexed):
    """Eight products over two shops, nested categories, four price bands, colours and stock."""
    kitchen = create_from_breadcrumbs("Maison > Cuisine")
    living = create_from_breadcrumbs("Maison > Salon")
    jewels = create_from_breadcrumbs("Bijoux")
    rows = [
        ("Tajine vernissé", "15.000", "Dar Fakhar", 5, kitchen, "rouge"),
        ("Plat à couscous", "35.000", "Dar Fakhar", 0, kitchen, "bleu"),
        ("Coussin brodé", "45.000", "Dar Nabeul", 3, living, "rouge"),
        ("Tapis kilim", "250.000", "Dar Nabeul", 1, living, "bleu"),
        ("Bague en argent", "80.000", "Dar Nabeul", 2, jewels, None),
        ("Collier berbère", "120.000", "Dar Fakhar", 0, jewels, "rouge"),
        ("Bol à soupe", "12.000", "Dar Fakhar", 7, kitchen, "vert"),
        ("Lampe en cuivre", "60.000", "Dar Nabeul", 4, living, None),
    ]
    products = {}
    with indexed():
        for title, price, shop, stock, category, shade in rows:
            product, _ = product_for_sale(title=title, price=price, shop=shop, stock=stock)
            product.categories.add(category)
            if shade:
                colour(product, shade)
            if title == "Tapis kilim":
                product.rating = 4.5
            product.save()
            products[title] = product
    return products


def db_count(kind, facets, selection, facet, value):
    """Products the database finds with the selection, this facet's own values replaced by ``value``."""
    queryset = faceted.filter_queryset(kind, browsable_products(), selection, facets, except_facet=facet.name)
    return facet.db(queryset, [value]).distinct().count()


def assert_counts_match_database(query_string):
    kind = faceted.products()
    facets = kind.facets()
    selection = faceted.parse(kind, QueryDict(query_string), facets)
    result = faceted.run(kind, selection, facets=facets)
    expected_total = faceted.filter_queryset(kind, browsable_products(), selection, facets).distinct()
    assert result.total == expected_total.count()
    assert set(result.ids) == set(expected_total.values_list("pk", flat=True))
    for counts in result.facets:
        facet = next(f for f in facets if f.name == counts.name)
        for value in counts.values:
            assert value.count == db_count(kind, facets, selection, facet, value.value), (
                query_string,
                counts.name,
                value.value,
            )
    return result


def facet(result, name):
    return {value.value: value.count for f in result.facets if f.name == name for value in f.values}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query_string",
    [
        "",
        "seller=dar-fakhar",
        "price=20-50&price=50-100",
        "in_stock=true&attr_colour=rouge",
        "seller=dar-nabeul&attr_colour=bleu&attr_colour=rouge&price=200-",
        "rating=4",
        "product_type=physical&in_stock=false",
    ],
)
def test_product_facet_counts_equal_the_database_counts(shop_catalogue, query_string):
    assert_counts_match_database(query_string)


@pytest.mark.django_db
def test_a_facets_counts_ignore_its_own_filter_and_a_category_counts_its_subcategories(shop_catalogue):
    # given: the kitchen category (a child of "Maison")
    maison = shop_catalogue["Tajine vernissé"].categories.get().get_parent()
    # when: red is picked
    result = assert_counts_match_database("attr_colour=rouge")
    # then: the other colours keep their counts, the category of the parent counts its children's
    assert facet(result, "attr_colour") == {"rouge": 3, "bleu": 2, "vert": 1}
    assert facet(result, "category")[str(maison.pk)] == 2
    assert result.total == 3
    assert facet(result, "seller") == {"dar-fakhar": 2, "dar-nabeul": 1}
    # and the parent category filters its sub-categories' products
    in_maison = assert_counts_match_database(f"category={maison.pk}")
    assert in_maison.total == 6


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_facet_labels_come_in_the_visitors_language_with_the_same_counts(shop_catalogue, language):
    from django.utils import translation

    with translation.override(language):
        result = assert_counts_match_database("in_stock=true")
        labels = {f.name: f.label for f in result.facets}
    expected = {"fr": "En stock", "en": "In stock", "ar": "في المخزون"}[language]
    assert labels["in_stock"] == expected


@pytest.mark.django_db
def test_sorting_by_price_matches_the_database_order(shop_catalogue):
    kind = faceted.products()
    for sort in ("price-asc", "price-desc"):
        selection = faceted.parse(kind, QueryDict(f"sort_by={sort}&in_stock=true"))
        result = faceted.run(kind, selection)
        database = faceted.order_queryset(
            kind, faceted.filter_queryset(kind, browsable_products(), selection), selection
        )
        assert result.ids == list(database.values_list("pk", flat=True))
    assert [shop_catalogue["Bol à soupe"].pk] == result.ids[-1:]


@pytest.fixture
def midday():
    """Noon in Tunis today, the clock running: "free today" must not depend on the hour the suite
    runs at (late in the evening no call fits before midnight)."""
    noon = datetime.combine(timezone.now().astimezone(TUNIS).date(), time(12), TUNIS)
    with time_machine.travel(noon, tick=True):
        yield


@pytest.fixture
def experts(midday, fresh_indexes, indexed):
    finance = make_domain()
    law = make_domain("droit", "Droit")
    rows = [
        ("amel@example.com", "Amel Ben Salah", [finance], ["fr", "ar"], 10, 25, 3),
        ("karim@example.com", "Karim Jaziri", [law], ["fr"], 30, None, 6),
        ("sonia@example.com", "Sonia Trabelsi", [finance, law], ["en"], None, 60, 12),
        ("youssef@example.com", "Youssef Mejri", [law], ["ar", "en"], 5, 110, None),
    ]
    made = {}
    with indexed():
        for email, name, domains, languages, text, video, call in rows:
            expert = make_expert(
                email,
                name,
                languages=languages,
                text_price=text,
                video_price=video,
                call_price_per_minute=call,
            )
            expert.domains.set(domains)
            made[name] = expert
        # Published ratings (kept by the consultations' moderation): Karim 4.6, Amel 3.2, the others none
        from commerce.consultations.models import RatingSummary

        RatingSummary.objects.create(expert=made["Karim Jaziri"], average="4.60", count=5)
        RatingSummary.objects.create(expert=made["Amel Ben Salah"], average="3.20", count=9)
        # Calls: Amel takes them round the clock (free today), Karim on one day five days ahead,
        # Sonia has no calendar, Youssef offers no calls.
        in_five_days = (timezone.now().astimezone(TUNIS).date() + timedelta(days=5)).weekday()
        for name, hours in [
            ("Amel Ben Salah", every_day(time(0), time(23, 59))),
            ("Karim Jaziri", {in_five_days: [(time(9), time(17))]}),
        ]:
            calendar = booking_services.provider_for_expert(made[name])
            booking_services.set_weekly_hours(calendar, hours)
            booking_services.update_settings(calendar, minimum_notice_minutes=0)
    return made


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query_string",
    [
        "",
        "domain=droit",
        "language=fr&language=en",
        "service=video&text_price=0-10",
        "domain=finance&call_price=10-20",
        "verified=true&video_price=100-",
        "rating=4",
        "rating=3&domain=finance",
        "available=today",
        "available=7&domain=droit",
    ],
)
def test_expert_facet_counts_equal_the_database_counts(experts, query_string):
    kind = faceted.experts()
    facets = kind.facets()
    selection = faceted.parse(kind, QueryDict(query_string), facets)
    result = faceted.run(kind, selection, facets=facets)
    listed = ExpertProfile.objects.listed()
    expected = faceted.filter_queryset(kind, listed, selection, facets).distinct()
    assert set(result.ids) == set(expected.values_list("pk", flat=True))
    assert result.total == expected.count()
    for counts in result.facets:
        definition = next(f for f in facets if f.name == counts.name)
        others = faceted.filter_queryset(kind, listed, selection, facets, except_facet=counts.name)
        for value in counts.values:
            assert value.count == definition.db(others, [value.value]).distinct().count(), (
                query_string,
                counts.name,
                value.value,
            )


@pytest.mark.django_db
def test_expert_facets_count_what_was_indexed(experts):
    kind = faceted.experts()
    result = faceted.run(kind, faceted.parse(kind, QueryDict("domain=droit")))
    assert facet(result, "domain") == {"droit": 3, "finance": 2}
    assert facet(result, "language") == {"fr": 1, "ar": 1, "en": 2}
    assert facet(result, "service") == {"text": 2, "video": 2, "call": 2}
    assert result.total == 3


@pytest.mark.django_db
def test_the_available_facet_follows_the_calendars_and_their_changes(experts, indexed):
    kind = faceted.experts()
    result = faceted.run(kind, faceted.parse(kind, QueryDict("available=3")))
    assert facet(result, "available") == {"today": 1, "3": 1, "7": 2}
    assert result.ids == [experts["Amel Ben Salah"].pk]
    # when: Amel takes the rest of the week off
    calendar = booking_services.provider_for_expert(experts["Amel Ben Salah"])
    today = timezone.now().astimezone(TUNIS).date()
    with indexed():
        for days in range(8):
            booking_services.set_date(calendar, today + timedelta(days=days))
    # then: she is no longer available, here or in the database's fallback
    result = faceted.run(kind, faceted.parse(kind, QueryDict("available=7")))
    assert facet(result, "available") == {"7": 1}
    assert result.ids == [experts["Karim Jaziri"].pk]
    fallback = faceted.filter_queryset(
        kind, ExpertProfile.objects.listed(), faceted.parse(kind, QueryDict("available=7"))
    )
    assert list(fallback.values_list("pk", flat=True)) == [experts["Karim Jaziri"].pk]


@pytest.mark.django_db
def test_sorting_experts_by_rating_or_reviews_matches_the_database_order(experts):
    kind = faceted.experts()
    expected = {
        "rating": ["Karim Jaziri", "Amel Ben Salah"],  # then the experts without a rating
        "popular": ["Amel Ben Salah", "Karim Jaziri"],
    }
    for sort, first in expected.items():
        selection = faceted.parse(kind, QueryDict(f"sort_by={sort}"))
        result = faceted.run(kind, selection)
        database = faceted.order_queryset(
            kind, faceted.filter_queryset(kind, ExpertProfile.objects.listed(), selection), selection
        )
        assert result.ids[:2] == [experts[name].pk for name in first]
        assert result.ids[:2] == list(database.values_list("pk", flat=True))[:2]


@pytest.mark.django_db
def test_first_weekly_hours_make_an_expert_available_without_another_save(experts, indexed):
    kind = faceted.experts()
    with indexed():
        calendar = booking_services.provider_for_expert(experts["Sonia Trabelsi"])
    assert facet(faceted.run(kind, faceted.parse(kind, QueryDict())), "available")["7"] == 2
    # when: Sonia publishes her first hours (written in bulk: no row signal)
    with indexed():
        booking_services.set_weekly_hours(calendar, every_day(time(0), time(23, 59)))
    # then: her next free slot is indexed
    assert facet(faceted.run(kind, faceted.parse(kind, QueryDict())), "available")["7"] == 3
