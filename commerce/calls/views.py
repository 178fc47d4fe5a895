"""The call page, and the uploads and downloads of its whiteboard and recordings.

Only the booking's client and expert see any of them (anyone else: 404, so a booking's existence is
not told). Views parse the request and call ``services``; files are streamed from private storage.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from commerce.bookings.models import Booking
from commerce.core.private_storage import private_storage

from . import selectors, services
from .exceptions import CallEnded, CallRefused, NotOpenYet
from .models import Call, Recording


def _participant(request, booking_id):
    booking = get_object_or_404(
        Booking.objects.select_related("provider__expert__user", "client"), pk=booking_id
    )
    role = selectors.role_of(booking, request.user)
    if role is None:
        raise Http404
    return booking, role


@login_required
def room(request, booking_id):
    """The call: a lobby (camera and microphone check) then the call; before the opening time the
    page says when it opens; after the end, the summary."""
    booking, role = _participant(request, booking_id)
    call = Call.objects.filter(booking=booking).first()
    state, message = "open", ""
    try:
        call, role = services.open_call(booking, request.user)
    except NotOpenYet as refusal:
        state, message = "early", str(refusal)
    except CallEnded:
        state = "ended"
    except CallRefused as refusal:
        state, message = "closed", str(refusal)
    other = (
        booking.provider.expert.full_name
        if role == Call.CLIENT
        else booking.client.get_full_name() or booking.client.email
    )
    context = {
        "booking": booking,
        "call": call,
        "role": role,
        "state": state,
        "message": message,
        "other_name": other or _("the other participant"),
        "opens_at": services.opens_at(booking),
        "strings": script_strings(),
        "extension_minutes": settings.CALLS_EXTENSION_MINUTES,
    }
    return render(request, "calls/room.html", context)


def script_strings():
    """The call script's texts, in the page's language (the script holds none of its own)."""
    return {
        "waiting": _("Waiting for the other participant…"),
        "connecting": _("Connecting…"),
        "connected": _("Connected"),
        "reconnecting": _("Connection lost, reconnecting…"),
        "left": _("The other participant left; they can come back."),
        "mute": _("Mute"),
        "unmute": _("Unmute"),
        "camera_off": _("Camera off"),
        "camera_on": _("Camera on"),
        "share": _("Share screen"),
        "stop_share": _("Stop sharing"),
        "record": _("Record"),
        "stop_record": _("Stop recording"),
        "network_good": _("Network: good"),
        "network_fair": _("Network: fair"),
        "network_poor": _("Network: poor"),
        "you": _("You"),
        "them": _("Them"),
        "ended": _("The call has ended."),
        "hangup_confirm": _("Hang up and end the call for both of you?"),
        "upload_failed": _("A part of the recording could not be uploaded."),
    }


@login_required
@require_POST
def upload_whiteboard(request, booking_id):
    booking, _role = _participant(request, booking_id)
    call = get_object_or_404(Call, booking=booking)
    try:
        services.save_whiteboard(call, request.user, request.body)
    except CallRefused as refusal:
        return JsonResponse({"error": str(refusal)}, status=400)
    return JsonResponse({"saved": True})


@login_required
@require_POST
def upload_recording(request, booking_id):
    """One chunk: the body is the webm bytes; ``?recording=<id>`` (absent for the first) and ``seq``."""
    booking, _role = _participant(request, booking_id)
    call = get_object_or_404(Call, booking=booking)
    recording_id, seq = request.GET.get("recording", ""), request.GET.get("seq", "")
    if not seq.isdigit() or (recording_id and not recording_id.isdigit()):
        return JsonResponse({"error": _("A chunk needs its sequence number.")}, status=400)
    try:
        recording = services.add_recording_chunk(
            call,
            request.user,
            recording_id=int(recording_id) if recording_id else None,
            seq=int(seq),
            data=request.body,
        )
    except CallRefused as refusal:
        return JsonResponse({"error": str(refusal)}, status=400)
    return JsonResponse({"recording": recording.pk, "size": recording.size})


@login_required
def recording(request, booking_id, recording_id):
    """The recording's chunks, concatenated in order (a playable webm); ``?download=1`` saves it."""
    booking, _role = _participant(request, booking_id)
    recording = get_object_or_404(Recording, pk=recording_id, call__booking=booking)
    storage = private_storage()
    names = list(recording.chunks.values_list("name", flat=True))

    def stream():
        for name in names:
            with storage.open(name, "rb") as chunk:
                yield from iter(lambda: chunk.read(64 * 1024), b"")

    response = StreamingHttpResponse(stream(), content_type="video/webm")
    response["Content-Length"] = str(recording.size)
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="call-{booking.pk}-{recording.pk}.webm"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def whiteboard(request, booking_id):
    booking, _role = _participant(request, booking_id)
    call = get_object_or_404(Call, booking=booking)
    if not call.whiteboard:
        raise Http404
    response = FileResponse(private_storage().open(call.whiteboard, "rb"), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="whiteboard-{booking.pk}.png"'
    response["Cache-Control"] = "private, no-store"
    return response
