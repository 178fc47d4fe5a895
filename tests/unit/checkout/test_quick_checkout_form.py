"""The checkout form's address fields carry autocomplete tokens valid for their kind of input."""

from commerce.checkout.forms import QuickCheckoutForm


def test_the_one_line_address_field_asks_for_the_first_address_line():
    # given
    form = QuickCheckoutForm(ships=True)
    # when
    html = str(form["line1"])
    # then: "street-address" is only valid on a multi-line field (a textarea)
    assert 'autocomplete="address-line1"' in html
    assert "<input" in html


def test_the_address_fields_carry_their_tokens_when_something_ships():
    # given
    form = QuickCheckoutForm(ships=True)
    # then
    tokens = {name: form.fields[name].widget.attrs.get("autocomplete") for name in ("city", "postcode")}
    assert tokens == {"city": "address-level2", "postcode": "postal-code"}
