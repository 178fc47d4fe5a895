"""Posting, opening, refusing: what ``commerce.messaging.services`` guarantees."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from commerce.messaging import services
from commerce.messaging.exceptions import MessageRefused, ThreadRefused
from commerce.messaging.models import Message, Participant, Report, Thread
from commerce.notifications.models import Notification
from tests.factories.messaging import make_cast, seller_thread, support_thread
from tests.factories.wallet import run_together

from .test_access import picture

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    return make_cast()


def test_the_first_client_message_opens_the_thread_and_alerts_support_once(
    cast, django_capture_on_commit_callbacks
):
    # given: a new support thread of another client
    thread, created = services.open_support_thread(user=cast.other_client)
    assert created
    # when: the client writes twice
    with django_capture_on_commit_callbacks(execute=True):
        first = services.post_message(thread, sender=cast.other_client, body="Bonjour, une question")
    with django_capture_on_commit_callbacks(execute=True):
        second = services.post_message(thread, sender=cast.other_client, body="Vous êtes là ?")
    # then: only the first opened it, and support agents and admins were told once
    assert first.opened_thread and not second.opened_thread
    opened = Notification.objects.filter(event="messaging.thread_opened")
    assert sorted(opened.values_list("recipient__email", flat=True)) == ["admin@souk.tn", "agent@souk.tn"]
    assert opened.first().context["gist"] == "Bonjour, une question"


@pytest.mark.django_db(transaction=True)
def test_first_messages_sent_at_once_open_the_thread_once(cast):
    # given: a new support thread; when: its client sends four messages at the same instant
    thread, _ = services.open_support_thread(user=cast.other_client)

    def send(i):
        fresh = Thread.objects.get(pk=thread.pk)
        return services.post_message(fresh, sender=cast.other_client, body=f"Allô {i}")

    results = run_together(4, send)
    # then: all are stored, and exactly one of them opened the conversation (one alert)
    assert all(isinstance(result, services.Posted) for result in results), results
    assert [result.opened_thread for result in results].count(True) == 1
    assert Message.objects.filter(thread=thread).count() == 4


def test_a_seller_thread_alerts_the_shop_and_the_answer_tells_the_client(
    cast, django_capture_on_commit_callbacks
):
    thread, _ = services.open_seller_thread(client=cast.other_client, partner=cast.shop, product=cast.product)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(thread, sender=cast.other_client, body="Disponible en rouge ?")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(thread, sender=cast.seller, body="Oui !")
    told = Notification.objects.values_list("event", "recipient__email").order_by("pk")
    assert list(told) == [
        ("messaging.thread_opened", "vendeur@darnabeul.tn"),
        ("messaging.new_message", "karim@example.com"),
    ]


def test_reopening_the_same_subject_finds_the_same_thread(cast):
    again, created = services.open_seller_thread(client=cast.client, partner=cast.shop, product=cast.product)
    assert not created and again == cast.seller_thread
    assert services.open_support_thread(user=cast.client) == (cast.support_thread, False)


def test_a_seller_cannot_open_a_thread_with_their_own_shop_nor_about_another_shops_product(cast):
    with pytest.raises(ThreadRefused):
        services.open_seller_thread(client=cast.seller, partner=cast.shop)
    with pytest.raises(ThreadRefused):
        services.open_seller_thread(client=cast.client, partner=cast.other_shop, product=cast.product)
    with pytest.raises(ThreadRefused):
        services.open_support_thread(guest_email="not an email")


@pytest.mark.parametrize("body", ["", "   ", "x" * 4001])
def test_empty_or_too_long_messages_are_refused_and_nothing_is_written(cast, body):
    before = Message.objects.count()
    with pytest.raises(MessageRefused):
        services.post_message(cast.support_thread, sender=cast.client, body=body)
    assert Message.objects.count() == before


@override_settings(MESSAGING_MAX_MESSAGES_PER_MINUTE=3)
def test_sending_too_fast_is_refused(cast):
    thread = support_thread(cast.other_client)
    for n in range(3):
        services.post_message(thread, sender=cast.other_client, body=f"message {n}")
    with pytest.raises(MessageRefused, match="too fast|trop vite"):
        services.post_message(thread, sender=cast.other_client, body="encore")


def test_a_socket_stores_a_message_in_one_round_trip(cast, django_assert_num_queries):
    # given: a thread and its client's role, read once when the socket joined
    thread = support_thread(cast.other_client, "Bonjour")
    # when/then: the message (checks, insert, thread, read mark) is one statement to PostgreSQL
    with django_assert_num_queries(1):
        posted = services.post_message(
            thread, sender=cast.other_client, body="Encore", role=Participant.CLIENT
        )
    thread.refresh_from_db()
    assert thread.last_message_at == posted.message.sent_at and not posted.opened_thread
    assert Participant.objects.get(thread=thread, user=cast.other_client).last_read_id == posted.message.pk


def test_a_blocked_person_can_no_longer_write_and_a_report_keeps_the_text(cast):
    message = services.post_message(
        cast.seller_thread, sender=cast.seller, body="Achetez ailleurs http://spam.example"
    ).message
    services.block(cast.client, cast.seller)
    with pytest.raises(MessageRefused):
        services.post_message(cast.seller_thread, sender=cast.seller, body="Encore moi")
    report = services.report(cast.client, message, "Publicité")
    assert Report.objects.get() == report and report.quoted == message.body and report.reported == cast.seller
    services.unblock(cast.client, cast.seller)
    services.post_message(cast.seller_thread, sender=cast.seller, body="Pardon")


def test_pictures_and_pdfs_are_kept_privately_by_their_real_type(cast):
    png = services.post_message(
        cast.seller_thread, sender=cast.client, attachment=picture("lampe.png")
    ).message
    assert png.attachment_type == "image/png" and png.attachment.name.startswith("messaging/")
    with pytest.raises(ValueError):
        png.attachment.url  # noqa: B018 (private storage: no public URL)
    from pypdf import PdfWriter

    pdf_bytes = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.write(pdf_bytes)
    pdf = SimpleUploadedFile("facture.pdf", pdf_bytes.getvalue(), content_type="application/pdf")
    stored = services.post_message(cast.seller_thread, sender=cast.client, attachment=pdf).message
    assert stored.attachment_type == "application/pdf" and stored.attachment_name == "facture.pdf"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", b"MZ\x90\x00 this is a program"),
        ("doc.pdf", b"%PDF-1.4 but nothing after"),
        ("page.html", b"<script>alert(1)</script>"),
    ],
    ids=["program-named-png", "broken-pdf", "html"],
)
def test_files_that_are_not_what_they_claim_are_refused(cast, name, data):
    before = Message.objects.count()
    upload = SimpleUploadedFile(name, data, content_type="image/png")
    with pytest.raises(MessageRefused):
        services.post_message(cast.seller_thread, sender=cast.client, attachment=upload)
    assert Message.objects.count() == before


@override_settings(MESSAGING_ATTACHMENT_MAX_BYTES=100)
def test_too_large_files_are_refused(cast):
    with pytest.raises(MessageRefused):
        services.post_message(cast.seller_thread, sender=cast.client, attachment=picture())


def test_internal_notes_are_support_only_and_hidden_from_the_client(client, cast):
    services.post_message(cast.support_thread, sender=cast.support, body="Déjà remboursé", internal=True)
    with pytest.raises(MessageRefused):
        services.post_message(cast.support_thread, sender=cast.client, body="note", internal=True)
    client.force_login(cast.client)
    bodies = [
        m["body"] for m in client.get(f"/api/threads/{cast.support_thread.pk}/messages/").json()["results"]
    ]
    assert "Déjà remboursé" not in bodies
    client.force_login(cast.support)
    bodies = [
        m["body"] for m in client.get(f"/api/threads/{cast.support_thread.pk}/messages/").json()["results"]
    ]
    assert "Déjà remboursé" in bodies


def test_support_assigns_closes_and_the_client_reopens_by_writing(cast):
    thread = cast.support_thread
    services.assign(thread, cast.support, by=cast.admin)
    services.set_status(thread, Thread.CLOSED, by=cast.support)
    with pytest.raises(ThreadRefused):
        services.set_status(thread, Thread.OPEN, by=cast.client)
    with pytest.raises(ThreadRefused):
        services.assign(thread, cast.client, by=cast.support)
    services.post_message(thread, sender=cast.client, body="Finalement, encore une question")
    thread.refresh_from_db()
    assert thread.status == Thread.OPEN and thread.assigned_to == cast.support


def test_unread_counts_move_with_messages_and_receipts(cast):
    from commerce.messaging.selectors import thread_unread, unread_total

    thread = seller_thread(cast.other_client, cast.shop, cast.product, "Bonjour")
    assert thread_unread(thread, cast.seller) == 1
    message = services.post_message(thread, sender=cast.other_client, body="Vous êtes là ?").message
    assert unread_total(cast.seller) == 3  # and the cast client's first message
    services.mark_read(thread, cast.seller, message.pk)
    assert thread_unread(thread, cast.seller) == 0
    assert thread_unread(thread, cast.other_client) == 0
