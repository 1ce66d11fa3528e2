"""Form widgets that stay fast when a plan is large."""

from django import forms
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


class QuickSelect(forms.Select):
    """A <select> built in Python from its choices, with the markup of Django's own.

    Django renders each <option> through a template after building a context for it, about
    40 µs an option; a large plan's project filters list hundreds of municipalities and promoters,
    and that cost dominated the project list page. Every value and label is escaped here.
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        selected = {str(item) for item in self.format_value(value)}

        def options(choices) -> str:
            return "".join(
                f'<option value="{escape(option)}"'
                f"{' selected' if str(option) in selected else ''}>{escape(label)}</option>"
                for option, label in choices
            )

        parts = [
            f'<optgroup label="{escape(group)}">{options(label)}</optgroup>'
            if isinstance(label, list | tuple)
            else options([(group, label)])
            for group, label in self.choices
        ]
        final_attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        attributes = "".join(
            f" {key}" if value is True else f' {key}="{escape(value)}"'
            for key, value in final_attrs.items()
            if value is not False and value is not None
        )
        return mark_safe(f"<select{attributes}>{''.join(parts)}</select>")
