"""The forms of participation's pages. Each has a honeypot: a field hidden from people that
bots fill in, and whose content refuses the form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ordito.core.forms import AccessibleForm
from ordito.participation.models.forum import BODY_MAX_LENGTH, TITLE_MAX_LENGTH
from ordito.participation.models.moderation import REASON_MAX_LENGTH
from ordito.participation.services.moderation import SUSPENSION_DAYS_MAX

TEXT = {"class": "form-control"}
HONEYPOT = "website"


class PublicForm(AccessibleForm):
    """A form the public fills in, with the honeypot (`web/includes/honeypot.html`)."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self) -> str:
        if self.cleaned_data.get(HONEYPOT):
            raise ValidationError(_("This form was filled in automatically: it was not sent."))
        return ""

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]


class ThreadForm(PublicForm):
    title = forms.CharField(
        label=_("Title"), max_length=TITLE_MAX_LENGTH, widget=forms.TextInput(attrs=TEXT)
    )
    body = forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX_LENGTH,
        help_text=_("Markdown: **bold**, *italic*, lists, links. Codes such as MOB2 become links."),
        widget=forms.Textarea(attrs={**TEXT, "rows": 8}),
    )


class PostForm(PublicForm):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=BODY_MAX_LENGTH,
        help_text=_("Markdown: **bold**, *italic*, lists, links. Codes such as MOB2 become links."),
        widget=forms.Textarea(attrs={**TEXT, "rows": 5}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReportForm(PublicForm):
    reason = forms.CharField(
        label=_("What is wrong with it?"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={**TEXT, "rows": 4}),
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the forum"), max_length=200, required=False,
        widget=forms.TextInput(attrs={**TEXT, "type": "search"}),
    )  # fmt: skip


class ModerationForm(AccessibleForm):
    ACTIONS = [
        ("hide", _("Hide")),
        ("restore", _("Restore")),
        ("dismiss", _("Dismiss the report")),
        ("warn", _("Warn the author")),
        ("suspend", _("Suspend the author")),
    ]
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    reason = forms.CharField(
        label=_("Reason, shown to the person"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={**TEXT, "rows": 2}),
    )
    days = forms.IntegerField(
        label=_("Days of suspension"),
        min_value=1,
        max_value=SUSPENSION_DAYS_MAX,
        required=False,
        widget=forms.NumberInput(attrs=TEXT),
    )
