"""Showing a service's refusal on a form."""

from django.core.exceptions import ValidationError


def form_errors_from(form, error: ValidationError) -> None:
    """Put each message of `error` on its field, or on the form when it names none of its fields."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)
