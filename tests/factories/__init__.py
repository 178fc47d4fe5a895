"""Test data builders: users in roles here; products, shops, orders and pages in the modules beside."""

from commerce.users.models import User
from commerce.users.roles import add_to_role


def make_user(email="shopper@example.com", password="correct-horse-battery", role=None, **fields):
    """A user who can sign in (email verified for allauth), optionally in a role group."""
    from allauth.account.models import EmailAddress

    user = User.objects.create_user(email=email, password=password)
    if fields:
        User.objects.filter(pk=user.pk).update(**fields)
        user.refresh_from_db()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if role:
        add_to_role(user, role)
    return user


def make_product_image(product, size=(1200, 1200), colour=(180, 90, 40)):
    """A JPEG picture of ``size`` pixels as the product's next image."""
    import io

    from django.core.files.base import ContentFile
    from oscar.core.loading import get_model
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", size, colour).save(picture, "JPEG")
    position = product.images.count()
    return get_model("catalogue", "ProductImage").objects.create(
        product=product,
        original=ContentFile(picture.getvalue(), name=f"product-{product.pk}-{position}.jpg"),
        display_order=position,
    )
