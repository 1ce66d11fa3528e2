"""The forms of "my area" (the profile, a new API token, how notifications arrive, a request to
represent an actor) and of a plan's staff pages (roles, categories, affiliations)."""

from collections.abc import Collection, Iterable
from itertools import groupby
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ordito.core.forms import AccessibleForm
from ordito.core.languages import LANGUAGES
from ordito.people.models import DISPLAY_NAME_MAX_LENGTH, Category
from ordito.people.notifications import Delivery, notification_kinds
from ordito.people.roles import roles
from ordito.people.services import TOKEN_DAYS_DEFAULT, TOKEN_DAYS_MAX, TOKEN_NAME_MAX_LENGTH
from ordito.people.services.affiliations import POSITION_MAX_LENGTH, REASON_MAX_LENGTH
from ordito.people.services.categories import CATEGORY_KEY_MAX_LENGTH, CATEGORY_LABEL_MAX_LENGTH
from ordito.plans.selectors import actors_taking_part
from ordito.territory.selectors import municipality_list

TEXT = {"class": "form-control"}


class ProfileForm(AccessibleForm):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        help_text=_("What others see of you; your e-mail address is never shown."),
        widget=forms.TextInput(attrs=TEXT),
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    municipality = forms.ModelChoiceField(
        label=_("Municipality where you live"),
        queryset=municipality_list(),
        required=False,
        to_field_name="istat_code",
    )

    PERSON_FIELDS = ("display_name", "language", "municipality")
    CATEGORIES_PREFIX = "categories_"

    def __init__(
        self, *args, categories: Iterable[Category] = (), chosen: Collection[int] = (), **kwargs
    ) -> None:
        """`categories`: every plan's, plan by plan (`selectors.categories_to_choose`), one
        group of checkboxes per plan; `chosen`: the ids of those the person belongs to."""
        super().__init__(*args, **kwargs)
        self.category_names = []
        for plan, rows in groupby(categories, key=lambda category: category.plan):
            rows = list(rows)
            name = f"{self.CATEGORIES_PREFIX}{plan.pk}"
            # Choices from the rows already read: no query per plan, and an id that is not one
            # of this plan's categories is refused as an invalid choice.
            self.fields[name] = forms.MultipleChoiceField(
                label=plan.title,
                choices=[(str(category.pk), category.label) for category in rows],
                initial=[str(category.pk) for category in rows if category.pk in chosen],
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            self.category_names.append(name)

    def person_fields(self) -> list:
        return [self[name] for name in self.PERSON_FIELDS]

    def category_fields(self) -> list:
        return [self[name] for name in self.category_names]

    def values(self) -> dict[str, Any]:
        """What `services.person_update` takes: the profile, and every category chosen."""
        values = {name: self.cleaned_data[name] for name in self.PERSON_FIELDS}
        values["categories"] = sorted(
            int(pk) for name in self.category_names for pk in self.cleaned_data[name]
        )
        return values


class TokenForm(AccessibleForm):
    name = forms.CharField(
        label=_("What the token is for"),
        max_length=TOKEN_NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs=TEXT),
    )
    days = forms.IntegerField(
        label=_("Days until it expires"),
        min_value=1,
        max_value=TOKEN_DAYS_MAX,
        initial=TOKEN_DAYS_DEFAULT,
        widget=forms.NumberInput(attrs=TEXT),
    )


class NotificationSettingsForm(AccessibleForm):
    """One choice of delivery per registered kind of notification."""

    def __init__(self, *args, deliveries: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in notification_kinds():
            self.fields[kind.name] = forms.ChoiceField(
                label=kind.label, choices=Delivery.choices, initial=deliveries.get(kind.name)
            )


class AccountDeleteForm(AccessibleForm):
    """Deleting an account asks for the password again and an explicit confirmation."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={**TEXT, "autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data are deleted for good."),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


class RoleGrantForm(AccessibleForm):
    email = forms.EmailField(
        label=_("E-mail address of the person"),
        max_length=254,
        widget=forms.EmailInput(attrs=TEXT),
    )
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.name, role.label) for role in roles()]


def label_fields() -> dict[str, forms.CharField]:
    """A category's name in every language of the site, each required."""
    return {
        f"label_{code}": forms.CharField(
            label=_("Name (%(language)s)") % {"language": name},
            max_length=CATEGORY_LABEL_MAX_LENGTH,
            widget=forms.TextInput(attrs=TEXT),
        )
        for code, name in LANGUAGES
    }


class CategoryForm(AccessibleForm):
    """A category's name in every language (one form per category, prefixed by its id)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(label_fields())


class CategoryAddForm(AccessibleForm):
    key = forms.SlugField(
        label=_("Key"),
        max_length=CATEGORY_KEY_MAX_LENGTH,
        help_text=_(
            "Lowercase letters, digits and hyphens, e.g. “young-people”; it never changes."
        ),
        widget=forms.TextInput(attrs=TEXT),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(label_fields())


class ActorSearchForm(AccessibleForm):
    q = forms.CharField(
        label=_("Find the actor by name or sector"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={**TEXT, "type": "search"}),
    )


class AffiliationRequestForm(AccessibleForm):
    """The actor is one of those taking part in a plan (shown a few at a time, after a search,
    as radio buttons the template draws), and what the person does for it."""

    actor = forms.ModelChoiceField(
        label=_("Actor"),
        queryset=actors_taking_part(),
        error_messages={"invalid_choice": _("Choose one of the actors listed.")},
        widget=forms.HiddenInput,  # drawn as radio buttons by the template
    )
    position = forms.CharField(
        label=_("Your position"),
        max_length=POSITION_MAX_LENGTH,
        required=False,
        help_text=_("What you do for the actor, e.g. project manager."),
        widget=forms.TextInput(attrs=TEXT),
    )


class AffiliationDecisionForm(AccessibleForm):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("confirm", _("Confirm")), ("decline", _("Decline"))]
    )
    reason = forms.CharField(
        label=_("Reason, told to the person"),
        max_length=REASON_MAX_LENGTH,
        required=False,
        help_text=_("Required to decline."),
        widget=forms.Textarea(attrs={**TEXT, "rows": 2}),
    )
