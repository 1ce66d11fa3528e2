"""The REST API root, mounted at /api/v1/: one router per app, the error handlers.

It lives beside `ordito/urls.py`, above every app, so that `ordito.api` stays a toolkit below
them (errors, pagination, languages, parameters) and no import loop runs through it.

The OpenAPI document is at /api/v1/openapi.json and the interactive documentation at
/api/v1/docs. Everything here is read-only and public.
"""

from ninja import NinjaAPI

from ordito.analyses.api import router as analyses_router
from ordito.api.errors import errors_install, unknown_paths
from ordito.monitoring.api import router as monitoring_router
from ordito.people.api import router as people_router
from ordito.plans.api import router as plans_router
from ordito.process.api import router as process_router

api = NinjaAPI(
    title="Ordito API",
    version="1",
    description=(
        "Read the strategic plans: their structure, projects and actors. Titles and "
        "descriptions come in Italian or English (`?lang=` or `Accept-Language`), falling back "
        "to Italian. Lists take `limit` and `offset` and give the total in `count`."
    ),
    urls_namespace="api",
)
errors_install(api)
api.add_router("", plans_router)
api.add_router("", people_router)
api.add_router("", analyses_router)
api.add_router("", process_router)
api.add_router("", monitoring_router)
api.add_router("", unknown_paths)  # last: it answers every path the others do not
