"""The public site's forms: they turn query parameters into selector filters.

A value that does not parse, or names something outside the plan, becomes an error on its field
and is left out of the filters; it never reaches the database. The project filters' choices are
computed once per plan content version and language (plans/caching.py), with their markup.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ordito.actors.models import Actor
from ordito.core.widgets import Choices, QuickSelect, ReadyChoices, options_markup
from ordito.plans import selectors
from ordito.plans.caching import plan_cached
from ordito.plans.models import Plan, Project
from ordito.plans.selectors import ActorFilters, ProjectFilters

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
        choices=[(name, sort.label) for name, sort in selectors.PROJECT_SORTS.items()],
    )

    def __init__(self, data: dict | None = None, *, plan: Plan) -> None:
        super().__init__(data)
        for name, (choices, markup) in plan_cached(
            plan, "project-filter-choices", lambda: filter_choices_with_markup(plan)
        ).items():
            self.fields[name].choices = ReadyChoices(choices)
            self.fields[name].widget.options = markup

    def filters(self) -> ProjectFilters:
        """The filters of the fields that are valid and set; the others are left out."""
        self.is_valid()
        return ProjectFilters(
            **{name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
        )


def filter_choices_with_markup(plan: Plan) -> dict[str, tuple[Choices, str]]:
    """The project filters' choices (`selectors.project_filter_choices`) led by "Any", each with
    the markup of its options, in the active language."""
    any_choice = (ANY[0], str(ANY[1]))
    choices = {
        name: [any_choice, *options]
        for name, options in selectors.project_filter_choices(plan=plan).items()
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
