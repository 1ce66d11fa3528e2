"""The site's addresses: the API, the language switch, and each app's pages."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from ordito.api_v1 import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
# Italian pages live at /, English ones at /en/: each language has its own addresses.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("ordito.web.urls")),
    path("", include("ordito.plans.urls")),
    path("", include("ordito.people.urls")),
    path("", include("ordito.analyses.urls")),
    path("", include("ordito.process.urls")),
    path("", include("ordito.participation.urls")),
    path("", include("ordito.monitoring.urls")),
    prefix_default_language=False,
)
