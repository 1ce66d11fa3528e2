"""Form widgets and choices that stay fast when a plan is large."""

from collections.abc import Iterator

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

Choices = list[tuple[object, object]]


class ReadyChoices(BaseChoiceIterator):
    """Choices already in Django's form: (value, label) pairs, a group as (label, list of pairs).

    Django checks every choice it is given, about 5 µs each; a large plan's project filters hold
    1,300 of them. It takes a choice iterator as it is, so cached choices are wrapped in this one.
    """

    def __init__(self, choices: Choices) -> None:
        self.choices = choices

    def __iter__(self) -> Iterator[tuple[object, object]]:
        return iter(self.choices)


def options_markup(choices) -> str:
    """The <option> and <optgroup> elements of `choices`, none selected; all text escaped."""

    def options(pairs) -> str:
        return "".join(f"{option_tag(value)}{escape(label)}</option>" for value, label in pairs)

    return "".join(
        f'<optgroup label="{escape(group)}">{options(label)}</optgroup>'
        if isinstance(label, list | tuple)
        else options([(group, label)])
        for group, label in choices
    )


def option_tag(value: object) -> str:
    return f'<option value="{escape(value)}">'


class QuickSelect(forms.Select):
    """A <select> built in Python from its choices, with the markup of Django's own.

    Django renders each <option> through a template after building a context for it, about
    40 µs an option; a large plan's project filters list hundreds of municipalities and promoters,
    and that cost dominated the project list page. Every value and label is escaped here.

    `options`, when set, is the markup `options_markup` gave for the widget's choices, computed
    once and cached (the project filters do); the selected option is marked in a copy of it.
    """

    options: str | None = None

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        markup = options_markup(self.choices) if self.options is None else self.options
        for selected in {str(item) for item in self.format_value(value)}:
            tag = option_tag(selected)
            markup = markup.replace(tag, f"{tag[:-1]} selected>", 1)
        final_attrs = {"name": name, **self.build_attrs(self.attrs, attrs)}
        attributes = "".join(
            f" {key}" if value is True else f' {key}="{escape(value)}"'
            for key, value in final_attrs.items()
            if value is not False and value is not None
        )
        return mark_safe(f"<select{attributes}>{markup}</select>")
