"""Monitoring's part of a person's data (people/personal_data.py): the progress updates they wrote.

An update reports on a project, not on its author: deleting the account keeps it, without its
author (`author` is set to null by the database), as the forum keeps a former participant's posts.
"""

from django.contrib.auth.models import AbstractBaseUser

from ordito.monitoring.models import ProgressUpdate
from ordito.people.personal_data import personal_data_register


def updates_export(user: AbstractBaseUser) -> list[dict]:
    return [
        {
            "plan": update.project.plan.slug,
            "project": update.project.code,
            "date": update.date.isoformat(),
            "status": update.status.key,
            "progress": update.progress,
            "text": update.text,
            "next_steps": update.next_steps,
            "problems": update.problems,
            "spent_eur": None if update.spent_eur is None else str(update.spent_eur),
            "published": update.is_published,
        }
        for update in ProgressUpdate.objects.filter(author=user)
        .select_related("project__plan", "status")
        .order_by("project__plan__slug", "project__code", "date", "pk")
    ]


def updates_keep(user: AbstractBaseUser) -> None:
    """Nothing to erase: the updates stay, and the database forgets their author."""


def register() -> None:
    personal_data_register("progress_updates", export=updates_export, erase=updates_keep)
