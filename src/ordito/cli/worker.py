"""`ordito worker`: runs the background tasks (e-mail, digests, imports, heavy analyses).

Tasks wait in the database by default and in Redis when REDIS_URL is set (settings.TASKS); the
worker takes them from there, so any number of app servers and workers share one queue.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import click

from ordito.cli.site import django_setup

QUEUE = "default"


def worker_arguments(*, batch: bool) -> tuple[str, list[str]]:
    """The management command that runs the configured backend's worker, with its arguments."""
    if os.environ.get("REDIS_URL"):
        arguments = [QUEUE, "--job-class", "django_tasks_rq.backend.Job", "--with-scheduler"]
        return "rqworker", [*arguments, "--burst"] if batch else arguments
    arguments = ["--queue-name", QUEUE, "--interval", "1", "--no-startup-delay"]
    return "db_worker", [*arguments, "--batch"] if batch else arguments


@click.command()
@click.option("--batch", is_flag=True, help="Run the tasks waiting now, then stop.")
def worker(batch: bool) -> None:
    """Run the background tasks as they are queued (Ctrl-C stops after the current one).

    \b
    Example:
      ordito worker
      ordito worker --batch     # from cron, or after a bulk import
    """
    django_setup()
    from django.core.management import call_command

    digest_ensure_scheduled()
    command, arguments = worker_arguments(batch=batch)
    call_command(command, *arguments)


def digest_ensure_scheduled() -> None:
    """Queue the daily digest of notifications unless one is already waiting in the database
    queue. (With Redis, RQ's scheduler keeps the one each digest queues for the next day; a
    worker started again may queue a second, which then sends nothing: the digest never sends a
    notification twice.)"""
    from ordito.people.services import digest_schedule_next, notifications_digest_send

    if not os.environ.get("REDIS_URL"):
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(
            task_path=notifications_digest_send.module_path, status="READY"
        )
        if waiting.exists():
            return
    digest_schedule_next()


def worker_start_beside() -> subprocess.Popen:
    """Start `ordito worker` in another process with this one's environment (for `ordito demo`)."""
    command = shutil.which("ordito", path=str(Path(sys.executable).parent)) or shutil.which(
        "ordito"
    )
    if command is None:
        raise click.ClickException("no `ordito` command to start the worker with")
    return subprocess.Popen([command, "worker"])
