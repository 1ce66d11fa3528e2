"""Sections other apps add to my area (/me/), as a registry they fill in `AppConfig.ready`.

A section is a template included on the page, with the context its function gives for the person
(the process app shows the private calendar address, say). The people app knows none of them by
name (docs/architecture.md: a lower app offers a registry that higher apps fill).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser


@dataclass(frozen=True, slots=True)
class MyAreaSection:
    name: str
    template: str
    context: Callable[[AbstractBaseUser], dict[str, Any]]


_sections: dict[str, MyAreaSection] = {}


def my_area_section_register(
    name: str, *, template: str, context: Callable[[AbstractBaseUser], dict[str, Any]]
) -> None:
    if name in _sections:
        raise ValueError(f"The section {name!r} of my area is already registered.")
    _sections[name] = MyAreaSection(name=name, template=template, context=context)


def my_area_sections(user: AbstractBaseUser) -> list[dict[str, Any]]:
    """Each registered section's template and its context for `user`, in the order registered."""
    return [
        {"name": section.name, "template": section.template, "context": section.context(user)}
        for section in _sections.values()
    ]
