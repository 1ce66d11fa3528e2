"""Who may report on and publish a project's progress, as named predicates (django-rules):
`user.has_perm("monitoring.report_progress", project)`.

A project's actor contacts are the confirmed representatives (people.selectors) of the actors
holding a role in it (plans.ProjectRole); they and the plan's staff report. Only the staff
publish, so that what the public reads has been reviewed.
"""

import rules

from ordito.people.rules import is_plan_staff
from ordito.people.selectors import actors_represented
from ordito.plans.models import Project


@rules.predicate
def is_staff_of_project_plan(user, project: Project | None) -> bool:
    return project is not None and is_plan_staff(user, project.plan)


@rules.predicate
def is_project_contact(user, project: Project | None) -> bool:
    """A confirmed representative of an actor with a role in `project`."""
    if project is None or not user.is_authenticated:
        return False
    return actors_represented(user=user).filter(roles__project=project).exists()


rules.add_perm("monitoring.report_progress", is_staff_of_project_plan | is_project_contact)
rules.add_perm("monitoring.publish_progress", is_staff_of_project_plan)
