"""A message's text as HTML: escaped, links clickable but harmless."""

from commerce.messaging.text import clean_body, message_html


def test_markup_is_shown_as_text():
    assert message_html('<script>alert("x")</script><b>gras</b>') == (
        '&lt;script&gt;alert("x")&lt;/script&gt;&lt;b&gt;gras&lt;/b&gt;'
    )


def test_web_addresses_become_safe_links_and_other_schemes_do_not():
    html = message_html("Voir https://souk.tn/p/1?a=1&b=2. Ou javascript:alert(1)")
    assert (
        '<a href="https://souk.tn/p/1?a=1&amp;b=2" target="_blank" rel="nofollow noopener noreferrer ugc">'
        in html
    )
    assert "</a>. Ou javascript:alert(1)" in html
    assert html.count("<a ") == 1


def test_arabic_emoji_and_line_breaks_are_kept():
    assert message_html("مرحبا 😊\nشكرا") == "مرحبا 😊<br>شكرا"


def test_control_characters_are_removed_from_what_is_stored():
    assert clean_body("  salut\u0000\u0007 toi\n ") == "salut toi"
