"""Shop names are unique ignoring case and accents, and no name (shop, customer) keeps invisible
control characters such as a right-to-left override (U+202E)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from commerce.api.serializers import CheckoutSerializer
from tests.factories import make_user
from tests.factories.sellers import make_seller, make_shop

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def taken_name(db):
    return make_shop("Dar Nabeul")


def rename(client, shop, name):
    seller = make_seller(shop)
    client.force_login(seller)
    return client.post("/dashboard/shop/profile/", {"name": name, "slug": shop.slug})


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["DAR NABEUL", "Dâr  Nabéul"])
def test_a_shop_cannot_take_a_name_that_looks_like_another_shops(client, taken_name, name):
    # given: another shop
    shop = make_shop("Jebba & Co")

    # when: its seller renames it like the first one, in other case and accents
    response = rename(client, shop, name)

    # then: refused, name unchanged
    assert response.status_code == 200
    assert "Another shop already has this name." in response.context["form"].errors["name"]
    shop.refresh_from_db()
    assert shop.name == "Jebba & Co"


@pytest.mark.django_db
def test_a_shop_keeps_its_own_name_in_another_case(client, taken_name):
    response = rename(client, taken_name, "DAR NABEUL")
    assert response.status_code == 302
    taken_name.refresh_from_db()
    assert taken_name.name == "DAR NABEUL"


@pytest.mark.django_db
def test_the_database_refuses_a_look_alike_shop_name(taken_name):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_shop("dar nabéul")


@pytest.mark.django_db
def test_a_rename_saved_field_by_field_still_guards_the_name(taken_name):
    # given: another shop renamed like the first one by a save of its name alone
    shop = make_shop("Jebba & Co")
    shop.name = "DAR NABEUL"
    # then: its key was saved with it, so the database refuses the look-alike
    with pytest.raises(IntegrityError), transaction.atomic():
        shop.save(update_fields=["name"])


@pytest.mark.django_db
def test_a_name_that_folding_lengthens_past_its_column_is_saved():
    # given: "ﷺ" (one character) folds to 18 letters; 100 of them exceed the key's 128
    shop = make_shop("ﷺ" * 100)
    # then
    shop.refresh_from_db()
    assert len(shop.name_key) == 128


@pytest.mark.django_db
def test_a_shop_name_with_a_bidi_override_is_refused(client, taken_name):
    response = rename(client, taken_name, "Dar Nabeul\u202elufrac")
    assert response.status_code == 200
    assert "U+202E" in str(response.context["form"].errors["name"])


@pytest.mark.django_db
def test_a_customer_name_with_a_bidi_override_is_refused_on_the_account():
    user = make_user("amira@example.com")
    user.first_name = "Amira\u202e"
    with pytest.raises(ValidationError) as refused:
        user.full_clean()
    assert "first_name" in refused.value.message_dict


def test_a_customer_name_with_a_bidi_isolate_is_refused_by_the_checkout_api():
    serializer = CheckoutSerializer(
        data={
            "first_name": "Amira",
            "last_name": "\u2066Ben Salah\u2069",
            "email": "amira@example.com",
            "phone": "20 123 456",
            "payment_method": "cod",
        }
    )
    assert not serializer.is_valid()
    assert list(serializer.errors) == ["last_name"]
