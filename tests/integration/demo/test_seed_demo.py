"""``manage.py seed_demo`` builds a browsable demo marketplace, and running it again changes nothing."""

from io import StringIO
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.management import call_command
from oscar.core.loading import get_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from cms_pages.home.models import HomePage
from commerce.demo.accounts_data import ACCOUNTS
from commerce.demo.catalogue_data import PRODUCTS, SHOPS, upc_for
from commerce.users.models import User
from commerce.users.roles import SELLERS

AttributeOption = get_model("catalogue", "AttributeOption")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

COUNTED = (
    User,
    Group,
    EmailAddress,
    Partner,
    Partner.users.through,
    ProductClass,
    AttributeOption,
    Category,
    Product,
    ProductCategory,
    ProductAttributeValue,
    StockRecord,
    ProductImage,
    Page,
    Revision,
    Locale,
    Site,
    get_image_model(),
)


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def row_counts():
    return {model._meta.label: model.objects.count() for model in COUNTED}


def media_files(root):
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


def test_demo_data_has_stable_unique_keys():
    numbers = [spec.number for spec in PRODUCTS]
    upcs = [upc_for(shop, number, index) for shop in SHOPS for number in numbers for index in range(10)]

    assert len(numbers) == len(set(numbers))
    assert len(upcs) == len(set(upcs))
    assert all(len(upc) == 13 and upc.startswith("619") for upc in upcs)


@pytest.mark.django_db
def test_second_run_creates_nothing(seeded_demo):
    # given: the demo seeded once
    assert "admin@souk.example" in seeded_demo.output
    first_counts, first_files = row_counts(), media_files(seeded_demo.media_root)
    # when
    output = seed()
    # then
    assert row_counts() == first_counts
    assert media_files(seeded_demo.media_root) == first_files
    assert "admin@souk.example" in output


@pytest.mark.django_db
def test_catalogue_has_sellers_classes_variants_stock_and_pictures(seeded_demo):

    assert Partner.objects.count() >= 3
    assert (
        get_model("address", "Country").objects.filter(iso_3166_1_a2="TN", is_shipping_country=True).exists()
    )
    browsable = Product.objects.browsable()
    assert browsable.count() >= 40
    assert set(ProductClass.objects.values_list("slug", flat=True)) >= {
        "physical",
        "digital",
        "service",
        "subscription",
        "coin-pack",
    }
    physical = ProductClass.objects.get(slug="physical")
    assert physical.track_stock and physical.requires_shipping
    assert not ProductClass.objects.get(slug="digital").requires_shipping
    for slug in ("digital", "service", "subscription", "coin-pack"):
        assert browsable.filter(product_class__slug=slug).exists(), slug

    children = Product.objects.filter(structure=Product.CHILD)
    assert children.count() >= 10
    for child in children.select_related("parent"):
        assert child.parent.structure == Product.PARENT
        codes = {value.attribute.code for value in child.attribute_values.all()}
        assert codes == ({"seats"} if child.parent.product_class.slug == "digital" else {"size", "colour"})
        assert child.stockrecords.count() == 1
    assert not StockRecord.objects.filter(product__structure=Product.PARENT).exists()

    tracked = StockRecord.objects.filter(product__structure__in=[Product.CHILD, Product.STANDALONE]).exclude(
        num_in_stock=None
    )
    assert tracked.filter(num_in_stock=0).exists()
    assert tracked.filter(num_in_stock__gt=0, num_in_stock__lte=5).exists()
    for product in browsable:
        records = StockRecord.objects.filter(product__in=[product, *product.children.all()])
        assert records.exists(), product
        assert {record.partner_id for record in records} == {product.partner_id}, product  # its shop's
        assert product.categories.exists(), product
        assert product.images.count() == 1, product
    picture = ProductImage.objects.first().original
    assert picture.width == picture.height == 800
    assert (seeded_demo.media_root / picture.name).is_file()


@pytest.mark.django_db
def test_each_role_has_a_verified_account_and_sellers_manage_their_shop(client, seeded_demo):

    sellers = [account for account in ACCOUNTS if account.shop]
    assert len(sellers) >= 3
    for account in sellers:
        user = User.objects.get(email=account.email)
        assert not user.is_staff
        assert user.groups.filter(name=SELLERS).exists()
        assert list(user.partners.values_list("code", flat=True)) == [account.shop]
    admin = User.objects.get(email="admin@souk.example")
    assert admin.is_staff and admin.is_superuser
    for account in ACCOUNTS:
        assert EmailAddress.objects.filter(email=account.email, verified=True, primary=True).exists()
        assert User.objects.get(email=account.email).groups.filter(name=account.role).exists()
    seller = sellers[0]
    assert client.login(email=seller.email, password=seller.password)


@pytest.mark.django_db
def test_home_page_is_the_site_root_in_three_languages(client, seeded_demo):

    homes = {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}
    assert set(homes) == {"fr", "en", "ar"}
    assert all(page.live for page in homes.values())
    assert len({page.translation_key for page in homes.values()}) == 1
    assert Site.objects.get(is_default_site=True).root_page.specific == homes["fr"]
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    assert homes["en"].hero_cta_link == "/en/catalogue/"
    assert homes["ar"].hero_title != homes["fr"].hero_title != homes["en"].hero_title
    for language, page in homes.items():
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        assert page.hero_title in response.content.decode()


@pytest.mark.django_db
def test_the_demo_shopper_has_a_conversation_with_a_shop_and_with_support(seeded_demo):
    from commerce.messaging.models import Message, Thread

    shopper = User.objects.get(email="shopper@souk.example")
    free = Thread.objects.filter(participants__user=shopper, kind__in=(Thread.SELLER, Thread.SUPPORT))
    threads = {thread.kind: thread for thread in free}
    # then: both answered, by the shop's user and by the assigned support agent
    assert set(threads) == {Thread.SELLER, Thread.SUPPORT}
    assert threads[Thread.SELLER].partner.code == "dar-nabeul"
    assert threads[Thread.SUPPORT].assigned_to.email == "support@souk.example"
    for thread in threads.values():
        roles = list(
            Message.objects.filter(thread=thread).order_by("pk").values_list("sender_role", flat=True)
        )
        assert roles[0] == "client" and len(set(roles)) == 2
    # and a second run adds no message
    count = Message.objects.count()
    seed()
    assert Message.objects.count() == count
