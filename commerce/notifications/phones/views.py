"""``/dashboard/phones/``: how the admin's phone alerts go out, a button to send a test alert, and in
offline test mode what the local fakes of Telegram and WhatsApp received (nothing left the machine)."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import config, inbox
from .duty import admin_on_duty
from .test_alert import send_test_alert


@staff_member_required(login_url="dashboard-login")
def phone_alerts(request):
    if request.method == "POST":
        used = send_test_alert(request.user, get_language())
        if used:
            messages.success(request, _("Test alert sent to: %(channels)s.") % {"channels": ", ".join(used)})
        else:
            messages.error(request, _("No phone channel is set up: nothing was sent."))
        return redirect("phones-dashboard:alerts")
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
