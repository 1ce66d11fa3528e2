"""What every app's forms share: errors tied to their fields for screen readers."""

from django import forms


class AccessibleForm(forms.Form):
    """A form whose fields in error say so (`aria-invalid`) and point at their message and help
    (`aria-describedby`, with the ids that web/includes/field.html gives them)."""

    def add_error(self, field, error) -> None:
        super().add_error(field, error)
        names = [field] if field is not None else []
        if field is None and hasattr(error, "error_dict"):
            names = list(error.error_dict)
        for name in names:
            if name not in self.fields:
                continue
            bound = self[name]
            described = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                described.append(f"{bound.auto_id}_helptext")
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = " ".join(described)
