"""Addresses of "my area"; mounted inside the language prefix (`/me/`, `/en/me/`)."""

from django.urls import path

import ordito.core.converters  # noqa: F401  (registers <dbid:…>)
from ordito.people import views

app_name = "people"
urlpatterns = [
    path("me/", views.my_area, name="my_area"),
    path("me/tokens/", views.token_create, name="token_create"),
    path("me/tokens/<dbid:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("me/notifications/", views.notification_list, name="notification_list"),
    path("me/notifications/settings/", views.notification_settings, name="notification_settings"),
    path("me/data/", views.personal_data_download, name="personal_data_download"),
    path("me/delete/", views.account_delete, name="account_delete"),
    path("p/<slug:plan_slug>/roles/", views.plan_roles, name="plan_roles"),
]
