"""Addresses of "my area"; mounted inside the language prefix (`/me/`, `/en/me/`)."""

from django.urls import path

import ordito.core.converters  # noqa: F401  (registers <dbid:…>)
from ordito.people import views
from ordito.people.views import affiliations, categories

app_name = "people"
urlpatterns = [
    path("me/", views.my_area, name="my_area"),
    path("me/tokens/", views.token_create, name="token_create"),
    path("me/tokens/<dbid:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("me/notifications/", views.notification_list, name="notification_list"),
    path("me/notifications/settings/", views.notification_settings, name="notification_settings"),
    path("me/affiliations/", affiliations.my_affiliations, name="my_affiliations"),
    path(
        "me/affiliations/<dbid:pk>/withdraw/",
        affiliations.affiliation_withdraw,
        name="affiliation_withdraw",
    ),
    path("me/data/", views.personal_data_download, name="personal_data_download"),
    path("me/delete/", views.account_delete, name="account_delete"),
    path("p/<slug:plan_slug>/roles/", views.plan_roles, name="plan_roles"),
    path("p/<slug:plan_slug>/categories/", categories.plan_categories, name="plan_categories"),
    path(
        "p/<slug:plan_slug>/affiliations/",
        affiliations.plan_affiliations,
        name="plan_affiliations",
    ),
    path(
        "p/<slug:plan_slug>/affiliations/<dbid:pk>/",
        affiliations.plan_affiliation_decide,
        name="plan_affiliation_decide",
    ),
]
