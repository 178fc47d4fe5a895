"""Pages of conversations: the client's inbox and thread page, "contact the seller", the shop's
Messages section in the dashboard, the support console, and attachment downloads. Views parse input
and call ``services``; a thread someone may not read is a 404 everywhere."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from . import paid, selectors, services
from .access import is_support_staff, role_in, support_staff, visible_thread
from .exceptions import MessagingRefused
from .forms import ContactSellerForm, NoteForm, ReportForm
from .models import CannedReply, Message, Participant, Report, Thread

Order = get_model("order", "Order")


def _thread_or_404(request, pk):
    thread = visible_thread(request.user, pk, request.session)
    if thread is None:
        raise Http404
    return thread


def _chat_context(request, thread, **extra):
    return {
        "thread": thread,
        "role": role_in(thread, request.user),
        "api_url": reverse("api-thread-messages", args=[thread.pk]),
        **extra,
    }


# --- Clients -----------------------------------------------------------------------------------


@never_cache
@login_required
def inbox(request):
    threads = selectors.inbox(request.user, request.session).exclude(
        kind=Thread.SELLER, partner__users=request.user
    )
    query = request.GET.get("q", "").strip()[:200]
    found = selectors.search_messages(request.user, query)[:50] if query else None
    return render(request, "messaging/inbox.html", {"threads": threads, "query": query, "found": found})


@never_cache
def thread(request, pk):
    thread = _thread_or_404(request, pk)
    role = role_in(thread, request.user)
    if role == Participant.SELLER:
        return redirect("messaging-dashboard:thread", pk=thread.pk)
    if role == Participant.SUPPORT:
        return redirect("messaging-support:thread", pk=thread.pk)
    context = _chat_context(request, thread, paid=thread.kind in Thread.PAID_KINDS)
    if context["paid"]:
        context["paid_composer"] = paid.composer_for(thread, request.user)
    return render(request, "messaging/thread.html", context)


@require_POST
@login_required
def contact_seller(request):
    """Open (or find) the conversation with a shop about a product or an order, and go there."""
    form = ContactSellerForm(request.POST)
    if not form.is_valid():
        raise Http404
    order = None
    if form.cleaned_data["order"]:
        order = Order.objects.filter(number=form.cleaned_data["order"], user=request.user).first()
        if order is None:
            raise Http404
    try:
        thread, _created = services.open_seller_thread(
            client=request.user,
            partner=form.cleaned_data["seller"],
            product=form.cleaned_data["product"],
            order=order,
        )
    except MessagingRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(request.META.get("HTTP_REFERER") or "messaging:inbox")
    return redirect("messaging:thread", pk=thread.pk)


@require_POST
@login_required
def block(request, pk):
    """Block (or unblock) the author of a message in one of the user's threads."""
    thread = _thread_or_404(request, pk)
    message = (
        thread.messages.filter(pk=request.POST.get("message"), internal=False).exclude(sender=None).first()
    )
    if message is None or message.sender_id == request.user.pk:
        raise Http404
    if request.POST.get("undo"):
        services.unblock(request.user, message.sender)
        messages.success(request, _("You receive this person's messages again."))
    else:
        services.block(request.user, message.sender)
        messages.success(request, _("This person can no longer write to you."))
    return redirect(request.META.get("HTTP_REFERER") or "messaging:inbox")


@require_POST
@login_required
def report(request, pk):
    thread = _thread_or_404(request, pk)
    message = thread.messages.filter(pk=request.POST.get("message"), internal=False).first()
    if message is None:
        raise Http404
    form = ReportForm(request.POST)
    try:
        if not form.is_valid():
            raise MessagingRefused(_("Say why you report this message."))
        services.report(request.user, message, form.cleaned_data["reason"])
    except MessagingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Thank you: support will look at this message."))
    return redirect(request.META.get("HTTP_REFERER") or "messaging:inbox")


@never_cache
def attachment(request, pk):
    """An attachment, for those who may read its thread (internal notes' for support only)."""
    message = Message.objects.filter(pk=pk).exclude(attachment="").select_related("thread").first()
    if message is None or visible_thread(request.user, message.thread_id, request.session) is None:
        raise Http404
    if message.internal and role_in(message.thread, request.user) != Participant.SUPPORT:
        raise Http404
    response = FileResponse(
        message.attachment.open("rb"),
        content_type=message.attachment_type,
        as_attachment=message.attachment_type == "application/pdf",
        filename=message.attachment_name,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


# --- Sellers (dashboard) -------------------------------------------------------------------------


@never_cache
def shop_inbox(request):
    """Conversations with the seller's shops (every shop a platform admin belongs to, no other)."""
    threads = selectors.inbox(request.user, kind=Thread.SELLER).filter(partner__users=request.user)
    status = request.GET.get("status") or ""
    if status in (Thread.OPEN, Thread.CLOSED):
        threads = threads.filter(status=status)
    return render(request, "messaging/dashboard/inbox.html", {"threads": threads, "status": status})


@never_cache
def shop_thread(request, pk):
    thread = _thread_or_404(request, pk)
    if role_in(thread, request.user) != Participant.SELLER:
        raise Http404
    if request.method == "POST":
        _change_status(request, thread)
        return redirect("messaging-dashboard:thread", pk=thread.pk)
    return render(request, "messaging/dashboard/thread.html", _chat_context(request, thread))


def _change_status(request, thread):
    wanted = request.POST.get("status")
    if wanted in (Thread.OPEN, Thread.CLOSED):
        try:
            services.set_status(thread, wanted, by=request.user)
        except MessagingRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, _("Conversation closed.") if wanted == Thread.CLOSED else _("Conversation reopened.")
            )


# --- Support console -----------------------------------------------------------------------------


def _support_only(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    if not is_support_staff(request.user):
        raise PermissionDenied
    return None


@never_cache
def console(request):
    """Support threads: open ones first, filtered by status and assignment; the reports to review."""
    refused = _support_only(request)
    if refused:
        return refused
    status = request.GET.get("status") or Thread.OPEN
    mine = request.GET.get("mine") == "1"
    threads = selectors.inbox(request.user, kind=Thread.SUPPORT)
    if status in (Thread.OPEN, Thread.CLOSED):
        threads = threads.filter(status=status)
    if mine:
        threads = threads.filter(assigned_to=request.user)
    reports = Report.objects.filter(resolved=False).select_related("reporter", "reported", "thread")[:50]
    context = {"threads": threads[:200], "status": status, "mine": mine, "reports": reports}
    return render(request, "messaging/support/console.html", context)


@never_cache
def console_thread(request, pk):
    refused = _support_only(request)
    if refused:
        return refused
    thread = _thread_or_404(request, pk)
    if role_in(thread, request.user) != Participant.SUPPORT:
        raise Http404
    if request.method == "POST":
        _console_action(request, thread)
        return redirect("messaging-support:thread", pk=thread.pk)
    context = _chat_context(
        request,
        thread,
        agents=support_staff(),
        canned=CannedReply.objects.all(),
        note_form=NoteForm(),
        client=thread.participants.filter(role=Participant.CLIENT).select_related("user").first(),
    )
    return render(request, "messaging/support/thread.html", context)


def _console_action(request, thread):
    action = request.POST.get("action")
    try:
        if action == "assign":
            agent = get_user_model().objects.filter(pk=request.POST.get("agent") or 0).first()
            services.assign(thread, agent, by=request.user)
            messages.success(request, _("Assignment saved."))
        elif action == "status":
            _change_status(request, thread)
        elif action == "note":
            form = NoteForm(request.POST)
            if not form.is_valid():
                raise MessagingRefused(_("Write the note first."))
            services.post_message(thread, sender=request.user, body=form.cleaned_data["body"], internal=True)
            messages.success(request, _("Note added."))
    except MessagingRefused as refusal:
        messages.error(request, str(refusal))
