"""The process's parts of a person's data (people/personal_data.py): the commissions they sit in
and their private calendar address. The drafts they uploaded are the commission's work: deleting
the account keeps them, without their author (`uploaded_by` is set to null)."""

from django.contrib.auth.models import AbstractBaseUser

from ordito.people.personal_data import personal_data_register, rows_of_the_person
from ordito.process.models import CalendarSecret, CommissionMembership


def memberships_export(user: AbstractBaseUser) -> list[dict]:
    return [
        {
            "plan": membership.commission.plan.slug,
            "commission": membership.commission.code,
            "role": membership.role,
            "represents": membership.actor.key if membership.actor else None,
            "joined_at": membership.joined_at.isoformat(),
        }
        for membership in CommissionMembership.objects.filter(user=user)
        .select_related("commission__plan", "actor")
        .order_by("commission__plan__slug", "commission__code")
    ]


def calendar_export(user: AbstractBaseUser) -> dict | None:
    # The secret itself is not exported: the export may be stored or sent on, and whoever reads
    # it could follow the calendar. The person sees the address in their area.
    secret = CalendarSecret.objects.filter(user=user).first()
    return None if secret is None else {"created_at": secret.created_at.isoformat()}


def register() -> None:
    personal_data_register(
        "commission_memberships",
        export=memberships_export,
        erase=rows_of_the_person(CommissionMembership),
    )
    personal_data_register(
        "private_calendar", export=calendar_export, erase=rows_of_the_person(CalendarSecret)
    )
