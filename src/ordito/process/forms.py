"""The forms of the process's pages: the staff's editing forms, the workspace's uploads, and the
meeting list's filters. Times are entered as Europe/Rome local time (the site's zone)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from ordito.core.forms import AccessibleForm
from ordito.core.languages import translated
from ordito.people.models import Category
from ordito.plans.models import Objective, Plan, Project, ThematicArea
from ordito.process.documents import DOCUMENT_MAX_BYTES
from ordito.process.models import (
    Commission,
    Meeting,
    Milestone,
    Motion,
    Phase,
)
from ordito.process.selectors import MeetingFilters

LOCAL_DATETIME = "%Y-%m-%dT%H:%M"
DOCUMENT_ACCEPT = ".pdf,.odt,.ods,.odp,.docx,.xlsx,.pptx,.txt"


def _formfield(model_field, **kwargs):
    # Django 6 will assume https for a link typed without a scheme; say so now (and silence the
    # deprecation warning of Django 5.2).
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


def _styled(fields: dict[str, forms.Field]) -> dict[str, forms.Field]:
    """Give the fields Bootstrap Italia's classes and the browser's date and time pickers."""
    for field in fields.values():
        widget = field.widget
        if isinstance(field, forms.DateTimeField):
            field.widget = forms.DateTimeInput(
                attrs={"type": "datetime-local", "class": "form-control"}, format=LOCAL_DATETIME
            )
        elif isinstance(field, forms.DateField):
            field.widget = forms.DateInput(
                attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"
            )
        elif isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
            continue
        elif isinstance(widget, forms.Textarea):
            widget.attrs.update({"class": "form-control", "rows": 4})
        elif not isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "form-control")
    return fields


class ModelFieldsForm(AccessibleForm):
    """A plain form with the fields of `model` named in `field_names`, as the services take them."""

    model: type
    field_names: tuple[str, ...] = ()

    def __init__(self, *args, instance=None, **kwargs) -> None:
        if instance is not None:
            kwargs.setdefault("initial", forms.models.model_to_dict(instance, self.field_names))
        super().__init__(*args, **kwargs)
        fields = fields_for_model(
            self.model, fields=self.field_names, formfield_callback=_formfield
        )
        self.fields.update(_styled(fields))

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.field_names}


class PhaseForm(ModelFieldsForm):
    model = Phase
    field_names = (
        "code",
        *translated("title", "description"),
        "order",
        "starts_on",
        "ends_on",
        "date_precision",
        "is_current",
        "is_example",
    )


class MilestoneForm(ModelFieldsForm):
    model = Milestone
    field_names = (
        "code",
        *translated("title", "description"),
        "phase",
        "kind",
        "happens_on",
        "ends_on",
        "date_precision",
        "meeting",
        "is_example",
    )

    def __init__(self, *args, plan: Plan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phase"].queryset = Phase.objects.filter(plan=plan).order_by("order")
        self.fields["meeting"].queryset = Meeting.objects.filter(plan=plan).order_by("starts_at")


class CommissionForm(ModelFieldsForm):
    model = Commission
    field_names = ("code", *translated("title", "mandate"), "kind", "area", "order", "is_example")

    def __init__(self, *args, plan: Plan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = ThematicArea.objects.filter(plan=plan).order_by("order")


class MeetingForm(ModelFieldsForm):
    model = Meeting
    field_names = (
        *translated("title", "description", "agenda"),
        "kind",
        "starts_at",
        "ends_at",
        "address",
        "municipality",
        "online_url",
        "capacity",
        "registration_opens_at",
        "registration_closes_at",
        "is_internal",
        "participants",
        "is_example",
    )
    link_names = ("commissions", "objectives", "projects", "categories")

    def __init__(self, *args, plan: Plan, instance: Meeting | None = None, **kwargs) -> None:
        if instance is not None:
            initial = forms.models.model_to_dict(instance, (*self.field_names, *self.link_names))
            kwargs.setdefault("initial", initial)
        super().__init__(*args, instance=instance, **kwargs)
        links = {
            "commissions": Commission.objects.filter(plan=plan).order_by("order", "code"),
            "objectives": Objective.objects.filter(plan=plan).order_by("order", "code"),
            "projects": Project.objects.filter(plan=plan).order_by("code"),
            "categories": Category.objects.filter(plan=plan).order_by("order", "pk"),
        }
        for name, queryset in links.items():
            field = fields_for_model(Meeting, fields=[name])[name]
            field.queryset = queryset
            field.widget = forms.CheckboxSelectMultiple()
            field.widget.choices = field.choices
            self.fields[name] = field
        self.fields["starts_at"].help_text = _("Local time in Italy (Europe/Rome).")

    def clean(self) -> dict:
        """The meeting's own checks of its times (Meeting.clean), shown beside the other
        errors at once rather than only when every field is valid."""
        data = super().clean()
        times = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")
        try:
            Meeting(**{name: data.get(name) for name in times}).clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                if field in self.fields and field not in self.errors:
                    self.add_error(field, messages)
        return data

    def links(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.link_names}


class MinutesForm(AccessibleForm):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 12}),
    )
    publish = forms.BooleanField(
        label=_("Published"),
        required=False,
        help_text=_("Everyone who can see the meeting reads published minutes."),
    )


class MotionForm(ModelFieldsForm):
    model = Motion
    field_names = (*translated("title", "description"), "order", "is_example")


class MotionResultForm(ModelFieldsForm):
    model = Motion
    field_names = ("votes_for", "votes_against", "abstentions", "quorum_reached", "decision")


class DocumentForm(AccessibleForm):
    title = forms.CharField(
        label=_("Title"), max_length=300, widget=forms.TextInput(attrs={"class": "form-control"})
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "PDF, OpenDocument, Word, Excel, PowerPoint or plain text; at most %(megabytes)d MB."
        )
        % {"megabytes": DOCUMENT_MAX_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )


class VersionForm(AccessibleForm):
    file = forms.FileField(
        label=_("New version"),
        help_text=DocumentForm.base_fields["file"].help_text,
        widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}),
    )
    note = forms.CharField(
        label=_("What changed"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )


class MeetingFilterForm(AccessibleForm):
    """The meeting list's filters; a value that is not a choice is ignored, never a 500."""

    WHEN = [("", _("All")), ("upcoming", _("Upcoming")), ("past", _("Past"))]

    commission = forms.ModelChoiceField(
        label=_("Commission"), queryset=Commission.objects.none(), required=False
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *Meeting.Kind.choices], required=False
    )
    when = forms.ChoiceField(label=_("When"), choices=WHEN, required=False)

    def __init__(self, *args, plan: Plan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commission"].queryset = Commission.objects.filter(plan=plan).order_by(
            "order", "code"
        )
        self.fields["commission"].empty_label = _("All commissions")

    def filters(self) -> MeetingFilters:
        self.is_valid()  # keeps the valid fields in cleaned_data and drops the others
        data = self.cleaned_data
        return MeetingFilters(
            commission=data.get("commission"),
            kind=data.get("kind") or "",
            when=data.get("when") or "",
        )
