"""Every object a page body's choosers point to, loaded together when the body is first read.

Wagtail converts a stream one block type at a time, and each chooser inside that type loads its
objects with its own query: a hero's image, an image block, a gallery and a video poster cost four
image queries, and every page link asks for its translation (two more queries each). A
``BatchedStreamBlock`` value instead reads the whole raw stream on first access, collects the ids of
every batched chooser (``BatchedChooserMixin``) at any depth, and loads them with one query per
model: the images; the linked pages with their live translations in the active language and the
testimonials come from the cache (kept until a page, a testimonial or an image changes). Blocks are
then converted by Wagtail as usual, their choosers taking the objects from the batch.
"""

import copy
from contextvars import ContextVar

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from commerce.core import pagecache

from . import caching

_current_batch = ContextVar("cms_stream_batch", default=None)


class BatchedChooserMixin:
    """For chooser blocks: take the objects from the stream's batch when one is being converted."""

    def bulk_to_python(self, values):
        batch = _current_batch.get()
        loaded = batch.get(self.model_class) if batch else None
        if loaded is None:
            return super().bulk_to_python(values)
        wanted, objects, handed_out = loaded
        missing = [pk for pk in values if pk is not None and pk not in wanted]
        if missing:  # not seen when the stream was read (should not happen): Wagtail's own lookup
            objects = {**objects, **dict(zip(missing, super().bulk_to_python(missing), strict=True))}
        result = []
        for pk in values:
            obj = objects.get(pk)
            if obj is not None and pk in handed_out:  # Wagtail's contract: one instance per occurrence
                obj = copy.copy(obj)
            result.append(obj)
            handed_out.add(pk)
        return result


class BatchedStreamValue(StreamValue):
    """A lazy stream value whose first conversion loads every chosen object in one batch."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._batched = False

    def _prefetch_blocks(self, type_name):
        if self._batched:
            return super()._prefetch_blocks(type_name)
        self._batched = True
        pending = [
            raw for raw, bound in zip(self._raw_data, self._bound_blocks, strict=True) if bound is None
        ]
        token = _current_batch.set(load_batch(collect_ids(self.stream_block, pending)))
        try:
            for kind in dict.fromkeys(raw["type"] for raw in pending):
                super()._prefetch_blocks(kind)
        finally:
            _current_batch.reset(token)


class BatchedStreamBlock(blocks.StreamBlock):
    """A StreamBlock whose values load their chosen images, pages and snippets together."""

    def to_python(self, value):
        if isinstance(value, StreamValue):  # already converted, maybe edited since: kept as it is
            return value
        stream = super().to_python(value)
        if stream.is_lazy:
            return BatchedStreamValue(self, list(stream.raw_data), is_lazy=True)
        return stream


def collect_ids(stream_block, raw_items):
    """{model: {ids}} of every batched chooser in these raw stream items."""
    found = {}
    for raw in raw_items:
        _collect(stream_block.child_blocks[raw["type"]], raw.get("value"), found)
    return found


def _collect(block, raw, found):
    if raw in (None, ""):
        return
    if isinstance(block, BatchedChooserMixin):
        found.setdefault(block.model_class, set()).add(raw)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            _collect(child, raw.get(name), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            in_block_format = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            _collect(block.child_block, item["value"] if in_block_format else item, found)
    elif isinstance(block, blocks.StreamBlock):
        for item in raw:
            if item.get("type") in block.child_blocks:
                _collect(block.child_blocks[item["type"]], item.get("value"), found)


def load_batch(ids_by_model):
    """{model: (ids asked for, {id: object}, ids handed out so far)}, at most one query per model."""
    from .models import Testimonial
    from .selectors import testimonials_in_bulk

    batch = {}
    for model, ids in ids_by_model.items():
        if issubclass(model, Page):
            objects = linked_pages(model, ids)
        elif model is Testimonial:
            objects = testimonials_in_bulk(ids)
        else:
            objects = model._default_manager.in_bulk(ids)
        batch[model] = (ids, objects, set())
    return batch


def linked_pages(model, ids):
    """{id: page} for the chosen pages, each knowing its live translation in the active language.

    ``localized`` reads the translation from here, so a link costs no locale or translation lookup.
    Pages only change through saves, moves and deletions, which bump the ``pages`` tag: the result
    is kept in the cache until then.
    """
    language = _content_language()
    ids = sorted(ids)
    return pagecache.remember(
        f"cms:linked-pages:{model._meta.label_lower}:{language}:" + ",".join(map(str, ids)),
        [caching.PAGES_TAG],
        lambda: _find_linked_pages(model, ids, language),
    )


def _find_linked_pages(model, ids, language):
    pages = model._default_manager.filter(pk__in=ids)
    if language:
        translated = Q(translation_key__in=pages.values("translation_key"), locale__language_code=language)
        pages = model._default_manager.filter(Q(pk__in=ids) | (translated & Q(live=True)))
    rows = list(pages.select_related("locale"))
    translations = {row.translation_key: row for row in rows if row.locale.language_code == language}
    wanted, chosen = set(ids), {}
    for row in rows:
        if row.pk in wanted:
            target = translations.get(row.translation_key)
            row._localized = (language, target if target is not None and target.live else row)
            chosen[row.pk] = row
    return chosen


def localized(page):
    """``page.localized`` (the live translation in the active language, else the page), from the batch."""
    known = getattr(page, "_localized", None)
    if known is not None and known[0] == _content_language():
        return known[1]
    return page.localized


def _content_language():
    """The language ``Page.localized`` would use: the active one, else the default one (as Wagtail)."""
    if not settings.WAGTAIL_I18N_ENABLED:
        return None
    for code in (translation.get_language(), settings.LANGUAGE_CODE):
        try:
            return get_supported_content_language_variant(code)
        except LookupError:
            continue
    return None
