"""The roles a person can hold in a plan, as a registry other apps extend.

`people` defines the plan-wide roles; an app that brings roles of its own (a commission's
coordinator, say) registers them in its `AppConfig.ready` with `role_register`, and from then on
they are held, granted, listed and checked like these.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

STAFF = "staff"
MODERATOR = "moderator"
ANALYST = "analyst"


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    label: str | Promise
    description: str | Promise


_roles: dict[str, Role] = {}


def role_register(name: str, *, label: str | Promise, description: str | Promise) -> Role:
    """Make `name` a role that can be held in a plan; registering the same name twice is an error."""
    if name in _roles:
        raise ValueError(f"The role {name!r} is already registered.")
    role = _roles[name] = Role(name=name, label=label, description=description)
    return role


def role_get(name: str) -> Role | None:
    return _roles.get(name)


def roles() -> tuple[Role, ...]:
    """The registered roles, in the order they were registered."""
    return tuple(_roles.values())


role_register(
    STAFF,
    label=_("Staff"),
    description=_("The planning office: edits the plan's content and runs its process."),
)
role_register(
    MODERATOR,
    label=_("Moderator"),
    description=_("Reviews and moderates what participants write."),
)
role_register(
    ANALYST,
    label=_("Analyst"),
    description=_("Edits the plan's analysis data."),
)
