"""Pure functions of the block library: video links, block keys, JSON-LD escaping, countdown."""

import json

import pytest

from cms_pages.core.blocks import video_embed_url
from cms_pages.core.products import block_key
from cms_pages.core.seo import faq_page_node, json_ld_script


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("https://youtu.be/aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("https://www.youtube.com/shorts/aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://evil.example/watch?v=aqz-KE-bpKQ", ""),
        ("https://www.youtube.com/watch?v=<script>", ""),
    ],
)
def test_video_links_become_privacy_friendly_players(url, embed):
    assert video_embed_url(url) == embed


def test_block_key_is_the_same_for_raw_json_and_block_values():
    raw = {
        "source": "hand_picked",
        "products": [{"type": "item", "value": 3, "id": "x"}, {"type": "item", "value": 7}],
    }
    assert (
        block_key(raw) == block_key({"source": "hand_picked", "products": [3, 7]}) == ("hand_picked", (3, 7))
    )
    assert block_key({"source": "bought_together", "anchor": None, "count": 4}) == ("bought_together", 0, 4)


def test_json_ld_escapes_what_could_close_the_script():
    html = json_ld_script({"name": "</script><b>&"})
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body
    assert json.loads(body) == {"name": "</script><b>&"}


def test_faq_node_keeps_plain_answers():
    node = faq_page_node([("Quel délai ?", "<p>De <b>2</b> à 5 jours.</p>")])
    assert node["mainEntity"][0]["acceptedAnswer"]["text"] == "De 2 à 5 jours."
    assert faq_page_node([]) is None


def test_every_block_of_the_library_keeps_the_path_migrations_name_it_by():
    """The library is split by family, but migrations name blocks ``cms_pages.core.blocks.<name>``:
    a block deconstructing to its family module would rewrite every StreamField migration."""
    from wagtail.blocks import Block

    from cms_pages.core import blocks

    library = [
        getattr(blocks, name)
        for name in blocks.__all__
        if isinstance(getattr(blocks, name), type) and issubclass(getattr(blocks, name), Block)
    ]
    assert len(library) > 30
    for block_class in library:
        args = ["cms_core.Testimonial"] if block_class is blocks.SnippetChooserBlock else []
        block = block_class(*args)
        assert block.canonical_module_path == f"cms_pages.core.blocks.{block_class.__name__}"
