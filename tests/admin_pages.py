"""What the tests of the admin share: two plans with one row of every kind of content, the staff
of a plan logged in with a second factor, and the form a browser would post back."""

from dataclasses import dataclass

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from ordito.people import services as people_services
from ordito.plans.models import Plan
from tests.actors.factories import (
    ActorFactory,
    ActorInfluenceFactory,
    ActorPositionFactory,
    ProjectRoleFactory,
)
from tests.people.factories import PersonFactory
from tests.plans.factories import (
    AreaFactory,
    ContributionFactory,
    DependencyFactory,
    DirectionFactory,
    MetaObjectiveFactory,
    ObjectiveFactory,
    ObjectiveInfluenceFactory,
    PlanFactory,
    ProjectFactory,
)


@dataclass
class PlanRows:
    """A plan and one row of each kind of its content; every code and title starts with `mark`."""

    mark: str
    plan: Plan
    rows: dict


def plan_with_content(mark: str, *, projects: int = 2) -> PlanRows:
    plan = PlanFactory(
        slug=f"plan-{mark.lower()}", title_it=f"Piano {mark}", title_en=f"Plan {mark}"
    )
    area = AreaFactory(plan=plan, code=f"{mark}-AREA", title_it=f"{mark} area")
    direction = DirectionFactory(area=area, code=f"{mark}-DIR", title_it=f"{mark} direzione")
    objective = ObjectiveFactory(direction=direction, code=f"{mark}-OBJ", title_it=f"{mark} ob")
    second = ObjectiveFactory(direction=direction, code=f"{mark}-OBJ2", title_it=f"{mark} ob 2")
    made = [
        ProjectFactory(direction=direction, code=f"{mark}-P{n}", title_it=f"{mark} progetto {n}")
        for n in range(projects)
    ]
    actor = ActorFactory(name=f"{mark} ente", key=f"ente-{mark.lower()}")
    rows = {
        "plan": plan,
        "metaobjective": MetaObjectiveFactory(plan=plan, code=f"{mark}-META"),
        "thematicarea": area,
        "direction": direction,
        "objective": objective,
        "project": made[0],
        "contribution": ContributionFactory(project=made[0], objective=objective),
        "dependency": DependencyFactory(project=made[0], depends_on=made[1]),
        "projectrole": ProjectRoleFactory(actor=actor, project=made[0]),
        "objectiveinfluence": ObjectiveInfluenceFactory(source=objective, target=second, plan=plan),
        "actorinfluence": ActorInfluenceFactory(plan=plan, source=actor, target=ActorFactory()),
        "actorposition": ActorPositionFactory(actor=actor, objective=objective),
        "actor": actor,
    }
    return PlanRows(mark=mark, plan=plan, rows=rows)


def with_second_factor(user) -> None:
    TOTP.activate(user, generate_totp_secret())


def staff_of(plan: Plan, client, *, role: str = "staff", second_factor: bool = True):
    """Log `client` in as a new person holding `role` in `plan` (and nowhere else)."""
    person = PersonFactory(display_name=f"{role} of {plan.slug}")
    people_services.plan_role_grant(plan=plan, user=person.user, role=role, by=None)
    if second_factor:
        with_second_factor(person.user)
    client.force_login(person.user)
    return person.user


def change_url(row) -> str:
    return f"/en/admin/{row._meta.app_label}/{row._meta.model_name}/{row.pk}/change/"


def form_data(response) -> dict:
    """What a browser would post back unchanged: the admin form's and its inlines' values."""
    forms = [response.context["adminform"].form]
    data: dict = {}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.extend(formset.forms)
        management = formset.management_form
        data.update(
            {management.add_prefix(name): management[name].value() for name in management.fields}
        )
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value
    return data
