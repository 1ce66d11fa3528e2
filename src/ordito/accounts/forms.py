"""allauth's forms, with the address no longer than the database keeps.

Django's form EmailField accepts 320 characters (RFC 3696), but the user's and allauth's e-mail
columns hold 254: a longer address passed the form and then failed to save (on PostgreSQL, an
error 500). These forms refuse it on the field, with Django's message.
"""

from allauth.account import forms as allauth_forms
from allauth.account.models import EmailAddress
from django import forms
from django.core.validators import MaxLengthValidator


def email_capped(field: forms.Field) -> None:
    """Give `field` the e-mail column's length as its maximum."""
    limit = EmailAddress._meta.get_field("email").max_length
    field.max_length = limit
    field.validators.append(MaxLengthValidator(limit))
    field.widget.attrs["maxlength"] = str(limit)


class SignupForm(allauth_forms.SignupForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        email_capped(self.fields["email"])


class AddEmailForm(allauth_forms.AddEmailForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        email_capped(self.fields["email"])
