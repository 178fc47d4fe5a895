"""Search documents: what of a product goes into the index (parents and standalone products only)."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils.html import strip_tags
from django_elasticsearch_dsl import Document, fields
from django_elasticsearch_dsl.registries import registry
from oscar.core.loading import get_model

from .facets import FILTERABLE_ATTRIBUTE_TYPES

Product = get_model("catalogue", "Product")
ExpertProfile = get_model("experts", "ExpertProfile")


class BaseDocument(Document):
    """Works around django-elasticsearch-dsl 9.0 on elasticsearch 9.5.

    ``DocType.__init__`` assigns ``self._prepared_fields``, but the newer ``Document.__setattr__``
    stores non-underscore-safe attributes as document data, so the class-level empty list wins and
    every document is indexed with an empty body. Setting it on the instance directly fixes that.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        object.__setattr__(self, "_prepared_fields", self.init_prepare())


@registry.register_document
class ProductDocument(BaseDocument):
    """A sellable product; prices and stock are read from its (or its variants') stock records."""

    title = fields.TextField(fields={"raw": fields.KeywordField()})
    #: With the titles, what a hit's link needs: the API answers from the document alone.
    slug = fields.KeywordField(index=False)
    # Each language's texts with that language's analyzer, so "plates" finds "plate" and "المبتدئ"
    # finds "للمبتدئين"; the same analyzer reads the query.
    title_fr = fields.TextField(analyzer="french")
    title_en = fields.TextField(analyzer="english")
    title_ar = fields.TextField(analyzer=settings.SEARCH_ARABIC_ANALYZER)
    description_fr = fields.TextField(analyzer="french")
    description_en = fields.TextField(analyzer="english")
    description_ar = fields.TextField(analyzer=settings.SEARCH_ARABIC_ANALYZER)
    keywords = fields.KeywordField(multi=True)
    upc = fields.KeywordField()
    product_class = fields.KeywordField()
    categories = fields.KeywordField(multi=True)
    #: Its categories and their ancestors: filtering by a category finds its sub-categories' products.
    category_ids = fields.KeywordField(multi=True)
    sellers = fields.KeywordField(multi=True)
    seller_codes = fields.KeywordField(multi=True)
    #: ``code:value`` of each filterable attribute of the product and its variants (size, colour…).
    attributes = fields.KeywordField(multi=True)
    price = fields.FloatField()
    in_stock = fields.BooleanField()
    is_public = fields.BooleanField()
    rating = fields.FloatField()
    num_purchases = fields.IntegerField()
    date_created = fields.DateField()
    date_updated = fields.DateField()
    #: Suggestions while typing: titles in every language (the completion suggester, fuzzy).
    suggest = fields.CompletionField(analyzer="simple")

    class Index:
        name = f"{settings.SEARCH_INDEX_PREFIX}-products"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    class Django:
        model = Product
        # Index updates go through search.indexing (after commit, via Celery), never inline.
        ignore_signals = True
        queryset_pagination = 500

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .browsable()
            .select_related("product_class", "stats")
            .prefetch_related(
                "categories",
                "tags",
                "stockrecords__partner",
                "children__stockrecords__partner",
                "attribute_values__attribute",
                "attribute_values__value_option",
                "attribute_values__value_multi_option",
                "children__attribute_values__attribute",
                "children__attribute_values__value_option",
                "children__attribute_values__value_multi_option",
            )
        )

    @staticmethod
    def _stockrecords(instance):
        records = list(instance.stockrecords.all())
        for child in instance.children.all():
            records.extend(child.stockrecords.all())
        return records

    def prepare_title_fr(self, instance):
        return instance.title_fr or ""

    def prepare_title_en(self, instance):
        return instance.title_en or ""

    def prepare_title_ar(self, instance):
        return instance.title_ar or ""

    # Descriptions are HTML: index the words, not the markup.
    def prepare_description_fr(self, instance):
        return strip_tags(instance.description_fr or "")

    def prepare_description_en(self, instance):
        return strip_tags(instance.description_en or "")

    def prepare_description_ar(self, instance):
        return strip_tags(instance.description_ar or "")

    def prepare_keywords(self, instance):
        return sorted(tag.name.lower() for tag in instance.tags.all())

    def prepare_upc(self, instance):
        return instance.upc or ""

    def prepare_product_class(self, instance):
        product_class = instance.get_product_class()
        return product_class.slug if product_class else ""

    def prepare_categories(self, instance):
        return [category.full_slug for category in instance.categories.all()]

    def prepare_category_ids(self, instance):
        ids = set()
        for category in instance.categories.all():
            ids.update(ancestor.pk for ancestor in category.get_ancestors_and_self())
        return sorted(str(pk) for pk in ids)

    def prepare_seller_codes(self, instance):
        return sorted({record.partner.code for record in self._stockrecords(instance)})

    def prepare_attributes(self, instance):
        values = set()
        for product in (instance, *instance.children.all()):
            for attribute_value in product.attribute_values.all():
                attribute = attribute_value.attribute
                if attribute.type not in FILTERABLE_ATTRIBUTE_TYPES:
                    continue
                if attribute.type == "option" and attribute_value.value_option:
                    values.add(f"{attribute.code}:{attribute_value.value_option.option}")
                elif attribute.type == "multi_option":
                    values.update(
                        f"{attribute.code}:{option.option}"
                        for option in attribute_value.value_multi_option.all()
                    )
                elif attribute.type == "text" and attribute_value.value_text:
                    values.add(f"{attribute.code}:{attribute_value.value_text}")
        return sorted(values)

    def prepare_num_purchases(self, instance):
        try:
            return instance.stats.num_purchases
        except ObjectDoesNotExist:
            return 0

    def prepare_suggest(self, instance):
        titles = {instance.title_fr, instance.title_en, instance.title_ar, instance.title}
        return {"input": sorted(title for title in titles if title)}

    def prepare_sellers(self, instance):
        return sorted({record.partner.name for record in self._stockrecords(instance)})

    def prepare_price(self, instance):
        prices = [record.price for record in self._stockrecords(instance) if record.price is not None]
        return float(min(prices)) if prices else None

    def prepare_in_stock(self, instance):
        product_class = instance.get_product_class()
        if product_class and not product_class.track_stock:
            return True
        return any((record.net_stock_level or 0) > 0 for record in self._stockrecords(instance))


@registry.register_document
class ExpertDocument(BaseDocument):
    """A listed expert (approved and public): name, bio per language, domains, languages, prices."""

    full_name = fields.TextField(fields={"raw": fields.KeywordField()})
    slug = fields.KeywordField()
    bio_fr = fields.TextField(analyzer="french")
    bio_en = fields.TextField(analyzer="english")
    bio_ar = fields.TextField(analyzer=settings.SEARCH_ARABIC_ANALYZER)
    domains = fields.KeywordField(multi=True)
    domain_names = fields.TextField(multi=True)
    languages = fields.KeywordField(multi=True)
    services = fields.KeywordField(multi=True)
    text_price = fields.IntegerField()
    video_price = fields.IntegerField()
    call_price_per_minute = fields.IntegerField()
    #: The cheapest offered service, for sorting by price.
    lowest_price = fields.IntegerField()
    verified = fields.BooleanField()
    approved_at = fields.DateField()
    #: The average of the expert's published ratings (none before a first one), and how many.
    rating = fields.FloatField()
    rating_count = fields.IntegerField()
    photo = fields.KeywordField(index=False)
    #: Start of the next free call slot within the week (``search.models.ExpertAvailability``).
    next_available_at = fields.DateField()
    suggest = fields.CompletionField(analyzer="simple")

    class Index:
        name = f"{settings.SEARCH_INDEX_PREFIX}-experts"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    class Django:
        model = ExpertProfile
        # Updated after commit through search.indexing, like products.
        ignore_signals = True
        queryset_pagination = 500

    def get_queryset(self):
        return (
            ExpertProfile.objects.listed()
            .select_related("rating_summary", "search_availability")
            .prefetch_related("domains")
        )

    def prepare_bio_fr(self, instance):
        return instance.bio_fr or ""

    def prepare_bio_en(self, instance):
        return instance.bio_en or ""

    def prepare_bio_ar(self, instance):
        return instance.bio_ar or ""

    def prepare_domains(self, instance):
        return sorted(domain.slug for domain in instance.domains.all())

    def prepare_domain_names(self, instance):
        """Every language's name of each domain, so a query in any language finds it."""
        return sorted(
            {
                name
                for domain in instance.domains.all()
                for code, _language in settings.LANGUAGES
                if (name := getattr(domain, f"name_{code}", ""))
            }
        )

    def prepare_languages(self, instance):
        return list(instance.languages)

    def prepare_services(self, instance):
        return [name for name, _price in instance.services]

    def prepare_lowest_price(self, instance):
        prices = [price for _name, price in instance.services]
        return min(prices) if prices else None

    def prepare_photo(self, instance):
        return instance.photo.url if instance.photo else ""

    def prepare_next_available_at(self, instance):
        try:
            return instance.search_availability.next_free_at
        except ObjectDoesNotExist:
            return None

    def prepare_rating(self, instance):
        summary = getattr(instance, "rating_summary", None)
        return float(summary.average) if summary and summary.count else None

    def prepare_rating_count(self, instance):
        summary = getattr(instance, "rating_summary", None)
        return summary.count if summary else 0

    def prepare_suggest(self, instance):
        return {"input": [instance.full_name]}

    def prepare_verified(self, instance):
        return instance.is_listed
