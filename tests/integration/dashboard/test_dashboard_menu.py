"""The dashboard menu Oscar draws carries the sellers' own section (added by commerce/dashboard/menu.py)."""

from django.urls import reverse


def test_a_seller_sees_the_shop_section_and_the_returns_queue_in_the_menu(client, seller):
    # given: a seller in the dashboard
    client.force_login(seller)
    # when
    page = client.get(reverse("dashboard:index"))
    # then: the shop pages and the returns queue (its own access function) are in the menu
    assert page.status_code == 200
    menu = page.content.decode()
    assert f'href="{reverse("dashboard:shop-profile")}"' in menu
    assert f'href="{reverse("returns-dashboard:queue")}"' in menu
