"""Addresses of the pages no single app owns; mounted at the root, in Italian at `/` and in
English at `/en/`."""

from django.urls import path

from ordito.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
]
