"""The forms of "my area": the profile, a new API token, how notifications arrive."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ordito.core.forms import AccessibleForm
from ordito.core.languages import LANGUAGES
from ordito.people.models import DISPLAY_NAME_MAX_LENGTH
from ordito.people.notifications import Delivery, notification_kinds
from ordito.people.roles import roles
from ordito.people.services import TOKEN_DAYS_DEFAULT, TOKEN_DAYS_MAX, TOKEN_NAME_MAX_LENGTH
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
