"""Form fields in Bootstrap Italia's markup, for allauth's forms (templates/allauth/elements/)."""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


def error_id(field: BoundField) -> str:
    return f"{field.auto_id}_error"


def help_id(field: BoundField) -> str:
    return f"{field.auto_id}_helptext"


@register.filter
def described_widget(field: BoundField) -> SafeString:
    """The field's input, tied to its help text and its errors by aria-describedby, and marked
    invalid when it has errors; a checkbox keeps its own look, every other input is a form-control."""
    described_by = []
    if field.help_text:
        described_by.append(help_id(field))
    attrs: dict[str, str] = {}
    if field.errors:
        described_by.append(error_id(field))
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if getattr(field.field.widget, "input_type", None) != "checkbox":
        attrs["class"] = "form-control" + (" is-invalid" if field.errors else "")
    return field.as_widget(attrs=attrs)


@register.filter
def field_error_id(field: BoundField) -> str:
    return error_id(field)


@register.filter
def field_help_id(field: BoundField) -> str:
    return help_id(field)
