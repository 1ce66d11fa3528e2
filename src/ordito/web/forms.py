"""The public site's forms: they turn query parameters into selector filters.

A value that does not parse, or names something outside the plan, becomes an error on its field
and is left out of the filters; it never reaches the database. The project filters' choices are
computed once per plan content version and language (web/caching.py), with their markup.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ordito.actors.models import Actor, ProjectRole
from ordito.actors.selectors import ActorFilters
from ordito.plans.models import Direction, Plan, Project, ThematicArea
from ordito.plans.selectors import ProjectFilters
from ordito.territory.models import Municipality
from ordito.web.caching import plan_cached
from ordito.web.widgets import Choices, QuickSelect, ReadyChoices, options_markup

ANY = ("", _("Any"))
SEARCH_MAX_LENGTH = 200


class ProjectFilterForm(forms.Form):
    """Filters and sort order of a plan's project list; every field may be left empty."""

    area = forms.TypedChoiceField(label=_("Area"), coerce=int, required=False, widget=QuickSelect)
    direction = forms.TypedChoiceField(
        label=_("Direction"), coerce=int, required=False, widget=QuickSelect
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[ANY, *Project.Status.choices],
        required=False,
        widget=QuickSelect,
    )
    municipality = forms.ChoiceField(label=_("Municipality"), required=False, widget=QuickSelect)
    promoter = forms.TypedChoiceField(
        label=_("Promoter"), coerce=int, required=False, widget=QuickSelect
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        widget=QuickSelect,
        choices=[
            ("code", _("Code")),
            ("title", _("Title")),
            ("status", _("Status")),
            ("start", _("Planned start")),
            ("budget", _("Budget, smallest first")),
            ("-budget", _("Budget, largest first")),
        ],
    )

    def __init__(self, data: dict | None = None, *, plan: Plan) -> None:
        super().__init__(data)
        for name, (choices, markup) in plan_cached(
            plan, "project-filter-choices", lambda: project_filter_choices(plan)
        ).items():
            self.fields[name].choices = ReadyChoices(choices)
            self.fields[name].widget.options = markup

    def filters(self) -> ProjectFilters:
        """The filters of the fields that are valid and set; the others are left out."""
        self.is_valid()
        return ProjectFilters(
            **{name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
        )


def project_filter_choices(plan: Plan) -> dict[str, tuple[Choices, str]]:
    """The choices of the plan's areas, directions (grouped by area), municipalities (those of its
    projects) and promoters, each with the markup of its options, in the active language."""
    any_choice = (ANY[0], str(ANY[1]))
    areas = ThematicArea.objects.filter(plan=plan).order_by("order", "code")
    directions = (
        Direction.objects.filter(plan=plan)
        .select_related("area")
        .order_by("area__order", "area__code", "order", "code")
    )
    grouped: dict[str, list[tuple[int, str]]] = {}
    for direction in directions:
        grouped.setdefault(str(direction.area), []).append((direction.pk, str(direction)))
    municipalities = Municipality.objects.filter(projects__plan=plan).distinct().order_by("name")
    promoters = (
        Actor.objects.filter(roles__role=ProjectRole.Role.PROMOTER, roles__project__plan=plan)
        .distinct()
        .order_by("name", "key")
    )
    choices: dict[str, Choices] = {
        "area": [any_choice, *((area.pk, str(area)) for area in areas)],
        "direction": [any_choice, *grouped.items()],
        "municipality": [any_choice, *municipalities.values_list("istat_code", "name")],
        "promoter": [any_choice, *promoters.values_list("pk", "name")],
    }
    return {name: (options, options_markup(options)) for name, options in choices.items()}


class ActorFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[ANY, *Actor.Kind.choices], required=False, widget=QuickSelect
    )
    q = forms.CharField(
        label=_("Name or sector"),
        max_length=SEARCH_MAX_LENGTH,
        required=False,
        widget=forms.SearchInput(attrs={"class": "form-control"}),
    )

    def filters(self) -> ActorFilters:
        """The filters of the fields that are valid and set; the others are left out."""
        self.is_valid()
        return ActorFilters(
            **{name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
        )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Words to look for"),
        max_length=SEARCH_MAX_LENGTH,
        required=False,
        widget=forms.SearchInput(attrs={"class": "form-control"}),
    )

    def query(self) -> str:
        """The words to look for; empty when there are none or they are too long."""
        return self.cleaned_data["q"].strip() if self.is_valid() else ""
