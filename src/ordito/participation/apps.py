from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Participation: the forum, proposals, consultations and their moderation."""

    name = "ordito.participation"
    verbose_name = _("Participation")  # the heading of its models in the admin

    def ready(self) -> None:
        from ordito.participation import registrations

        registrations.register()
