"""Our signer (used by the fake) against the official library's verifier: one scheme, two implementations."""

import time

import pytest
import stripe

from commerce.payment.stripe.signing import TOLERANCE, signature_header

SECRET = "whsec_unit_test_secret"
BODY = b'{"id": "evt_1", "object": "event", "type": "checkout.session.completed"}'


def verify(body, header, secret=SECRET):
    return stripe.WebhookSignature.verify_header(body, header, secret, tolerance=TOLERANCE)


def test_a_signed_body_verifies_with_the_stripe_library():
    assert verify(BODY, signature_header(BODY, SECRET))


def test_the_header_is_the_one_the_stripe_library_would_generate():
    timestamp = int(time.time())
    expected = stripe.WebhookSignature.generate_signature_header(BODY.decode(), SECRET, timestamp)
    assert signature_header(BODY, SECRET, timestamp) == expected


def test_a_body_changed_after_signing_is_refused():
    header = signature_header(BODY, SECRET)
    with pytest.raises(stripe.SignatureVerificationError):
        verify(BODY.replace(b"completed", b"expired"), header)


def test_another_secret_is_refused():
    with pytest.raises(stripe.SignatureVerificationError):
        verify(BODY, signature_header(BODY, "whsec_someone_else"))


def test_a_signature_older_than_the_tolerance_is_refused_and_a_recent_one_is_not():
    now = int(time.time())
    assert verify(BODY, signature_header(BODY, SECRET, now - TOLERANCE + 5))
    with pytest.raises(stripe.SignatureVerificationError, match="tolerance"):
        verify(BODY, signature_header(BODY, SECRET, now - TOLERANCE - 5))
