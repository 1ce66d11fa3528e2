"""Registrations for meetings: register, cancel, promote from the waiting list, attendance.

A burst of registrations (the 500-person conference opening) must never overbook. Every write here
runs in one transaction that first locks the meeting's row, then counts inside the lock:

- on PostgreSQL, `SELECT … FOR UPDATE` on the meeting: concurrent registrations for one meeting
  queue behind each other, those for other meetings do not wait;
- on SQLite, `select_for_update` is a no-op, but the settings open every transaction with
  `BEGIN IMMEDIATE` (`"transaction_mode": "IMMEDIATE"`), which takes the database's write lock
  before the first read: two transactions never count at the same time.

Cancelled registrations stay (with `cancelled_at`), so that a person who cancels and registers
again goes to the end of the queue, and the history of a meeting's list stays readable.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ordito.people.models import Person
from ordito.people.notifications import Delivery, notification_kind_register
from ordito.people.services import notify, person_ensure
from ordito.process.models import Meeting, Registration

REGISTRATIONS = "registrations"
Status = Registration.Status


class AlreadyRegistered(Exception):
    """The person already holds a registration (confirmed or waiting) for the meeting: 409."""

    def __init__(self, registration: Registration):
        super().__init__(_("You are already registered for this meeting."))
        self.registration = registration


@dataclass(frozen=True, slots=True)
class Counts:
    confirmed: int
    waitlisted: int


def notification_kinds_register() -> None:
    """Called from the app's ready(): the notification a person gets when promoted."""
    notification_kind_register(
        REGISTRATIONS,
        label=gettext_lazy("Your registrations for meetings"),
        reason=gettext_lazy(
            "you are on the waiting list of a meeting and a place became free for you."
        ),
        default_delivery=Delivery.IMMEDIATE,
    )


def _meeting_locked(meeting: Meeting) -> Meeting:
    """The meeting's row, locked until the end of the transaction (see the module's docstring)."""
    return Meeting.objects.select_for_update(of=("self",)).select_related("plan").get(pk=meeting.pk)


def meeting_counts(*, meeting: Meeting) -> Counts:
    """How many people hold a confirmed place and how many wait (one query)."""
    counts = Registration.objects.filter(meeting=meeting).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Status.WAITLISTED)),
    )
    return Counts(**counts)


def registration_window_check(*, meeting: Meeting, now=None) -> None:
    """Refuse a registration outside the meeting's window, or once the meeting is over."""
    now = now or timezone.now()
    local = timezone.localtime
    if meeting.registration_opens_at and now < meeting.registration_opens_at:
        raise ValidationError(
            {
                "meeting": _("Registration opens on %(when)s.")
                % {"when": local(meeting.registration_opens_at).strftime("%d/%m/%Y %H:%M")}
            }
        )
    if meeting.registration_closes_at and now >= meeting.registration_closes_at:
        raise ValidationError({"meeting": _("Registration for this meeting is closed.")})
    if now >= meeting.ends_at:
        raise ValidationError({"meeting": _("This meeting is over.")})


def registration_is_open(meeting: Meeting, now=None) -> bool:
    try:
        registration_window_check(meeting=meeting, now=now)
    except ValidationError:
        return False
    return True


def registration_categories_check(*, meeting: Meeting, user: AbstractBaseUser) -> None:
    """Refuse a person outside the categories a meeting (a consultation day) is for."""
    wanted = list(meeting.categories.values_list("pk", "label"))
    if not wanted:
        return
    person = Person.objects.filter(user=user).first()
    if person is None or not person.categories.filter(pk__in=[pk for pk, _ in wanted]).exists():
        raise ValidationError(
            {
                "categories": _(
                    "This meeting is for: %(categories)s. Add your category in your profile "
                    "if you belong to one of them."
                )
                % {"categories": ", ".join(label for _, label in wanted)}
            }
        )


@transaction.atomic
def meeting_register(*, meeting: Meeting, user: AbstractBaseUser, now=None) -> Registration:
    """Register `user` for `meeting`: a confirmed place while there is one, else the end of the
    waiting list. Raises AlreadyRegistered, PermissionDenied (an internal meeting they may not
    see), or ValidationError naming `meeting` (the window) or `categories`.
    """
    meeting = _meeting_locked(meeting)
    if not user.has_perm("process.register_meeting", meeting):
        raise PermissionDenied
    existing = (
        Registration.objects.filter(meeting=meeting, user=user).exclude(status=Status.CANCELLED)
    ).first()
    if existing is not None:
        raise AlreadyRegistered(existing)
    registration_window_check(meeting=meeting, now=now)
    registration_categories_check(meeting=meeting, user=user)
    held = Registration.objects.filter(meeting=meeting).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        last=models.Max("position", filter=Q(status=Status.WAITLISTED)),
    )
    registration = Registration(meeting=meeting, user=user)
    if meeting.capacity is None or held["confirmed"] < meeting.capacity:
        registration.status = Status.CONFIRMED
    else:
        registration.status = Status.WAITLISTED
        registration.position = (held["last"] or 0) + 1
    # The constraints (one active registration per person, a position only when waiting) and the
    # links hold by construction under the lock, and the database enforces them anyway:
    # validating them here would cost four more queries while other registrations wait.
    registration.full_clean(exclude=["meeting", "user"], validate_constraints=False)
    registration.save()
    # Sent when the transaction commits, through the mail queue (core/mail.py).
    transaction.on_commit(lambda: _confirmation_send(registration.pk))
    return registration


def waiting_place(registration: Registration) -> int | None:
    """The 1-based place of a waiting registration in its list (positions may have gaps)."""
    if registration.status != Status.WAITLISTED:
        return None
    return Registration.objects.filter(
        meeting_id=registration.meeting_id,
        status=Status.WAITLISTED,
        position__lte=registration.position,
    ).count()


@transaction.atomic
def registration_cancel(
    *, meeting: Meeting, user: AbstractBaseUser, by: AbstractBaseUser | None = None
) -> Registration | None:
    """Cancel `user`'s registration for `meeting` (by themselves, or by the plan's staff as
    `by`); a freed place goes to the first waiting person, who is told. Return the promoted
    registration, if any. Raises Registration.DoesNotExist when `user` holds none, and
    PermissionDenied when `by` is someone else who may not manage the meeting's list.
    """
    meeting = _meeting_locked(meeting)
    if (
        by is not None
        and by.pk != user.pk
        and not by.has_perm("process.manage_registrations", meeting)
    ):
        raise PermissionDenied
    registration = (
        Registration.objects.filter(meeting=meeting, user=user)
        .exclude(status=Status.CANCELLED)
        .get()
    )
    was_confirmed = registration.status == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.position = None
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "position", "cancelled_at", "updated_at"])
    if was_confirmed:
        return _promote_first(meeting)
    return None


def _promote_first(meeting: Meeting) -> Registration | None:
    """Give a free place of `meeting` (locked by the caller) to the first waiting person."""
    limited = meeting.capacity is not None
    if limited and meeting_counts(meeting=meeting).confirmed >= meeting.capacity:
        return None
    first = (
        Registration.objects.filter(meeting=meeting, status=Status.WAITLISTED)
        .select_related("user")
        .order_by("position", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = Status.CONFIRMED
    first.position = None
    first.save(update_fields=["status", "position", "updated_at"])
    notify(
        user=first.user,
        kind=REGISTRATIONS,
        message=lambda: (
            _("A place became free: you are now registered for “%(meeting)s”.")
            % {"meeting": meeting.title}
        ),
        link=meeting.get_absolute_url,
        about=first,
    )
    return first


@transaction.atomic
def waiting_list_promote(*, meeting: Meeting) -> list[Registration]:
    """Fill every free place of `meeting` from its waiting list (after the staff raise the
    capacity, say); return the promoted registrations."""
    meeting = _meeting_locked(meeting)
    promoted = []
    while (registration := _promote_first(meeting)) is not None:
        promoted.append(registration)
    return promoted


@transaction.atomic
def attendance_record(
    *, meeting: Meeting, attended_user_ids: set[int], by: AbstractBaseUser
) -> int:
    """Record who of `meeting`'s confirmed registrations attended (exactly `attended_user_ids`);
    return how many attended."""
    if not by.has_perm("process.manage_registrations", meeting):
        raise PermissionDenied
    confirmed = Registration.objects.filter(meeting=meeting, status=Status.CONFIRMED)
    unknown = set(attended_user_ids) - set(confirmed.values_list("user_id", flat=True))
    if unknown:
        raise ValidationError({"attended": _("Choose people with a confirmed registration.")})
    confirmed.filter(user_id__in=attended_user_ids).update(attended=True, updated_at=timezone.now())
    confirmed.exclude(user_id__in=attended_user_ids).update(
        attended=False, updated_at=timezone.now()
    )
    return len(attended_user_ids)


def _confirmation_send(registration_pk: int) -> None:
    from ordito.process.emails import registration_email

    registration = (
        Registration.objects.select_related("meeting__plan", "meeting__municipality", "user")
        .filter(pk=registration_pk)
        .first()
    )
    if registration is None or not registration.user.email:
        return
    person = person_ensure(user=registration.user)
    registration_email(registration=registration, person=person).send()


# A person's data (people/personal_data.py): their registrations.


def _registrations_export(user: AbstractBaseUser) -> list[dict]:
    rows = Registration.objects.filter(user=user).select_related("meeting__plan")
    return [
        {
            "plan": row.meeting.plan.slug,
            "meeting": row.meeting.title,
            "meeting_starts_at": row.meeting.starts_at.isoformat(),
            "status": row.status,
            "attended": row.attended,
            "registered_at": row.created_at.isoformat(),
            "cancelled_at": row.cancelled_at.isoformat() if row.cancelled_at else None,
        }
        for row in rows.order_by("created_at", "pk")
    ]


def _registrations_erase(user: AbstractBaseUser) -> None:
    """Cancel each place the person holds (the first waiting person gets it), then forget them."""
    active = Registration.objects.filter(user=user).exclude(status=Status.CANCELLED)
    for registration in active.select_related("meeting"):
        registration_cancel(meeting=registration.meeting, user=user)
    Registration.objects.filter(user=user).delete()


def personal_data_parts_register() -> None:
    """Called from the app's ready(); the calendar address is in process/personal_parts.py."""
    from ordito.people.personal_data import personal_data_register

    personal_data_register(
        "meeting_registrations", export=_registrations_export, erase=_registrations_erase
    )
