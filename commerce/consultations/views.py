"""Pages of paid messages: the client's form on an expert's profile and their consultations page,
the expert's inbox in the expert space, and the videos streamed to the two people concerned.

Views parse and call ``services``; a message is found through ``selectors.message_for`` (its client
or its expert) or the services' own lock (its expert), so anyone else gets a 404.
"""

from django.conf import settings
from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from commerce.experts.selectors import listed_expert, profile_of
from commerce.wallet.selectors import available_coins

from . import sections, selectors, services
from .exceptions import ConsultationError, NotEnoughCoins
from .forms import RatingForm, RatingReplyForm, ReplyForm, SendForm
from .models import PaidMessage, Rating


@never_cache
@login_required
def send(request, slug):
    """``/<lang>/experts/<slug>/message/``: write to a listed expert, see the price and the balance."""
    expert = listed_expert(slug)
    form = SendForm(request.POST or None, request.FILES or None)
    short_of_coins = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.send(request.user, expert, data["kind"], data["body"], video=data["video"])
        except NotEnoughCoins as error:
            short_of_coins = error
        except ConsultationError as error:
            form.add_error(None, str(error))
        else:
            flash.success(request, _("Your question was sent. Its coins wait on hold until the answer."))
            return redirect("consultations:mine")
    context = {
        "expert": expert,
        "form": form,
        "coins": available_coins(request.user),
        "short_of_coins": short_of_coins,
        "max_seconds": settings.CONSULTATIONS_VIDEO_MAX_SECONDS,
        "reply_hours": settings.CONSULTATIONS_REPLY_HOURS,
    }
    return render(request, "consultations/send.html", context, status=402 if short_of_coins else 200)


@never_cache
@login_required
def mine(request):
    """``/<lang>/accounts/consultations/``: the client's consultations, one section per kind."""
    return render(
        request,
        "consultations/mine.html",
        {
            "sections": sections.for_user(request.user),
            "rating_form": RatingForm(),
            "page_title": _("My consultations"),
            "active_tab": "consultations",
        },
    )


@require_POST
@login_required
def rate(request, pk):
    message = selectors.message_for(request.user, pk)
    if message is None or message.client_id != request.user.pk:
        raise Http404
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            services.rate(request.user, message, form.cleaned_data["stars"], form.cleaned_data["comment"])
        except ConsultationError as error:
            flash.error(request, str(error))
        else:
            flash.success(request, _("Thank you: your rating will be published after review."))
    else:
        flash.error(request, _("Give between 1 and 5 stars."))
    return redirect("consultations:mine")


@never_cache
@login_required
def video(request, pk, which):
    """A question's or an answer's video, for the message's client and expert only."""
    message = selectors.message_for(request.user, pk)
    field, content_type = {
        "question": ("video", "video_type"),
        "answer": ("answer_video", "answer_video_type"),
    }.get(which, (None, None))
    if message is None or field is None or not getattr(message, field):
        raise Http404
    response = FileResponse(getattr(message, field).open("rb"), content_type=getattr(message, content_type))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- The expert's inbox --------------------------------------------------------------------------
def _expert_or_404(request):
    profile = profile_of(request.user)
    if profile is None:
        raise Http404
    return profile


@never_cache
@login_required
def inbox(request):
    """``/<lang>/expert/messages/``: questions to answer (time left first), then the answered ones."""
    profile = _expert_or_404(request)
    return render(
        request,
        "consultations/inbox.html",
        {
            "profile": profile,
            "messages_list": selectors.inbox_of_expert(request.user),
            "reply_form": ReplyForm(),
            "rating_reply_form": RatingReplyForm(),
        },
    )


@require_POST
@login_required
def reply(request, pk):
    form = ReplyForm(request.POST, request.FILES)
    target = PaidMessage(pk=pk)
    if form.is_valid():
        try:
            services.reply(request.user, target, form.cleaned_data["text"], video=form.cleaned_data["video"])
        except ConsultationError as error:
            flash.error(request, str(error))
        else:
            flash.success(request, _("Your answer was sent; the coins are added to your earnings."))
    else:
        flash.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect(reverse("consultations-expert:inbox"))


@require_POST
@login_required
def decline(request, pk):
    try:
        services.decline(request.user, PaidMessage(pk=pk))
    except ConsultationError as error:
        flash.error(request, str(error))
    else:
        flash.success(request, _("The question was declined; the client got their coins back."))
    return redirect(reverse("consultations-expert:inbox"))


@require_POST
@login_required
def reply_to_rating(request, pk):
    form = RatingReplyForm(request.POST)
    if form.is_valid():
        try:
            services.reply_to_rating(request.user, Rating(pk=pk), form.cleaned_data["text"])
        except ConsultationError as error:
            flash.error(request, str(error))
    return redirect(reverse("consultations-expert:inbox"))
