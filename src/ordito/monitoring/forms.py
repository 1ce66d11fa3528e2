"""The form in which a project's actor contacts and the plan's staff report progress."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ordito.core.forms import AccessibleForm
from ordito.monitoring.models import TEXT_MAX, ProjectStatus


class UpdateForm(AccessibleForm):
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date", "class": "form-control"})
    )
    status = forms.ChoiceField(label=_("Status"))
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )
    text = forms.CharField(
        label=_("What happened"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}),
    )
    next_steps = forms.CharField(
        label=_("Next steps"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
    )
    problems = forms.CharField(
        label=_("Problems"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
    )
    spent_eur = forms.DecimalField(
        label=_("Spent so far (euro)"),
        min_value=0,
        max_digits=14,
        decimal_places=2,
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-control", "step": "0.01"}),
    )
    publish = forms.BooleanField(label=_("Publish now"), required=False)

    def __init__(self, *args, statuses: list[ProjectStatus], may_publish: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.key, s.label) for s in statuses]
        if not may_publish:
            del self.fields["publish"]
