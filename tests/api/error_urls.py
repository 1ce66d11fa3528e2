"""A small API with the project's error handlers and operations that fail on purpose, so that the
answers every future write endpoint will give are tested before the first one exists."""

from django.core.exceptions import ValidationError
from django.urls import path
from ninja import NinjaAPI

from ordito.api.errors import errors_install
from ordito.plans.models import Plan

api = NinjaAPI(urls_namespace="errors-test")
errors_install(api)


@api.post("/refused-fields")
def refused_fields(request):
    raise ValidationError({"title_it": ["Required.", "Too long."], "code": "Taken."})


@api.post("/refused-object")
def refused_object(request):
    raise ValidationError("The plan is closed.")


@api.get("/forgotten-lookup")
def forgotten_lookup(request):
    # A bug: a lookup that no handler turned into a 404.
    return Plan.objects.get(slug="no-such-plan")


urlpatterns = [path("api/", api.urls)]
