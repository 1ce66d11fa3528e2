"""How participation registers itself with the house (called from `AppConfig.ready`): its
content for the content version, its rows' paths to their plan for the admin, its notification
kind, and its part of a person's data."""

from django.utils.translation import gettext_lazy as _

from ordito.core.plan_access import plan_path_register
from ordito.core.versions import along, content_register, nowhere
from ordito.participation import models as participation
from ordito.people.notifications import Delivery, notification_kind_register

THREAD_REPLIES = "participation.thread_replies"
MODERATION = "participation.moderation"


def register() -> None:
    from ordito.participation import personal_parts, rules  # noqa: F401 (registers the rules)

    # Boards and consultations are part of a plan's structure; what participants write shows on
    # no cached page of the plan, so writing it raises no version.
    content_register(participation.Board, along("plan"))
    content_register(participation.Consultation, along("plan"))
    for model in (
        participation.Thread,
        participation.Follow,
        participation.Post,
        participation.Proposal,
        participation.Support,
        participation.ConsultationParticipant,
        participation.Statement,
        participation.Vote,
        participation.Report,
        participation.ModerationAction,
        participation.Suspension,
    ):
        content_register(model, nowhere)

    for model in (
        participation.Board,
        participation.Proposal,
        participation.Consultation,
        participation.Report,
        participation.ModerationAction,
        participation.Suspension,
    ):
        plan_path_register(model, "plan")
    plan_path_register(participation.Thread, "board__plan")
    plan_path_register(participation.Post, "thread__board__plan")
    plan_path_register(participation.Statement, "consultation__plan")

    notification_kind_register(
        THREAD_REPLIES,
        label=_("New posts in threads you follow"),
        reason=_("you follow this thread in the forum."),
        default_delivery=Delivery.DIGEST,
    )
    notification_kind_register(
        MODERATION,
        label=_("Moderation of what you wrote"),
        reason=_("a moderator acted on what you wrote, or on your taking part."),
        default_delivery=Delivery.IMMEDIATE,
    )
    personal_parts.register()
