"""``/dashboard/phones/``: how the admin's phone alerts go out, and in offline test mode what the local
fakes of Telegram and WhatsApp received (nothing left the machine)."""

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render

from . import config, inbox
from .duty import admin_on_duty


@staff_member_required(login_url="dashboard-login")
def phone_alerts(request):
    offline = config.telegram_offline() or config.whatsapp_offline()
    return render(
        request,
        "phones/dashboard/phone_alerts.html",
        {
            "channels": [
                ("Telegram", config.telegram_enabled(), config.telegram_offline()),
                ("WhatsApp", config.whatsapp_enabled(), config.whatsapp_offline()),
            ],
            "admin_on_duty": admin_on_duty(),
            "offline": offline,
            "received": inbox.fake_messages() if offline else None,
        },
    )
