"""What a client–expert conversation's page offers instead of the free chat form
(``messaging.paid``): each question is a paid message, so the client sees the expert's current
prices and the way to the paid-message form, the expert the way to their consultations inbox.
The refusal of free messages in these threads stays in ``messaging.services.post_message``."""

from commerce.experts.models import ExpertProfile
from commerce.messaging import paid
from commerce.messaging.models import Participant, Thread

TEMPLATE = "consultations/thread_compose.html"


def composer(thread, user):
    roles = dict(thread.participants.values_list("user_id", "role"))
    role = roles.get(user.pk)
    if role == Participant.EXPERT:
        return TEMPLATE, {"role": role}
    if role != Participant.CLIENT:
        return None
    expert_user = next((pk for pk, each in roles.items() if each == Participant.EXPERT), None)
    expert = ExpertProfile.objects.listed().filter(user_id=expert_user).first()
    if expert is not None and expert.text_price is None and expert.video_price is None:
        expert = None  # listed, but takes no paid questions now
    return TEMPLATE, {"role": role, "expert": expert}


def register_composer():
    paid.register(Thread.EXPERT, composer)
