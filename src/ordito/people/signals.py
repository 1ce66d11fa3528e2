"""What people does when another app's rows change: a new plan gets its categories of participants.

A receiver rather than a call in `plans`, because plans sit below people (docs/architecture.md)
and are created in several places: the admin, the import of the ordito-plan format, the demo.
"""

from django.db.models.signals import post_save

from ordito.plans.models import Plan


def plan_saved(sender, instance: Plan, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        from ordito.people.services import categories_default_ensure

        categories_default_ensure(plan=instance)


def register() -> None:
    post_save.connect(plan_saved, sender=Plan, dispatch_uid="people.plan_saved")
