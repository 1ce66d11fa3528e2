from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ordito.plans"

    def ready(self) -> None:
        from ordito.plans.versions import municipalities_writing_received
        from ordito.territory.signals import municipalities_writing

        municipalities_writing.connect(
            municipalities_writing_received, dispatch_uid="ordito.plans.municipalities"
        )
