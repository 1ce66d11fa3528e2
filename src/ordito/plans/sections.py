"""The sections of a plan that higher apps add to its page (analyses, process, monitoring...).

`plans` sits below those apps and cannot import them (docs/decisions/0004): each registers its
section in its `AppConfig.ready()`, and the plan's page links every registered section, in the
order of registration, under `/p/<plan>/`.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class PlanSection:
    label: str | Promise
    url_name: str  # reversed with the plan's slug as `plan_slug`

    def url(self, plan_slug: str) -> str:
        return reverse(self.url_name, kwargs={"plan_slug": plan_slug})


_SECTIONS: list[PlanSection] = []


def plan_section_register(*, label: str | Promise, url_name: str) -> None:
    """Link the section `url_name` from every plan's page; registering it twice changes nothing."""
    section = PlanSection(label, url_name)
    if section not in _SECTIONS:
        _SECTIONS.append(section)


def plan_sections(plan_slug: str) -> list[tuple[str | Promise, str]]:
    """(label, address) of each registered section of the plan."""
    return [(section.label, section.url(plan_slug)) for section in _SECTIONS]
