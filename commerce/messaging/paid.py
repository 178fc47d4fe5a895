"""What a paid conversation's page offers in place of the free chat form.

A ``Thread.PAID_KINDS`` conversation refuses free messages (``services.post_message``), so its
page must not offer the free form; what its participants do instead (ask a new question at the
expert's price, answer from the consultations inbox) is known to the app that owns the kind. That
app registers ``composer(thread, user) -> (template name, context) | None`` for the kind from its
``AppConfig.ready``, so messaging never imports it.
"""

_composers = {}


def register(kind, composer):
    _composers[kind] = composer


def composer_for(thread, user):
    """``(template name, context)`` to render instead of the free form, or ``None`` for a free thread
    (or a paid one whose owner registered nothing: the page then offers no form at all)."""
    composer = _composers.get(thread.kind)
    return composer(thread, user) if composer else None
