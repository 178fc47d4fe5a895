"""Celery tasks of form pages (thin)."""

from celery import shared_task
from django.core.mail import send_mail


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)  # one email
def send_form_email(subject, body, sender, recipients):
    """A form submission, emailed to the form's recipients."""
    return send_mail(subject, body, sender, recipients)
