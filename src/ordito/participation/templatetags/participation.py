"""`{{ post.author|participant_name }}`: how a participant is named in public, never by e-mail."""

from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def participant_name(user) -> str:
    if user is None:
        return _("Former participant")
    try:
        return str(user.person)
    except ObjectDoesNotExist:
        return _("Participant %(number)s") % {"number": user.pk}
