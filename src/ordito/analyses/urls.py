"""Addresses of a plan's analyses, under `/p/<plan>/analyses/`."""

from django.urls import path

from ordito.analyses import views

app_name = "analyses"
urlpatterns = [
    path("p/<slug:plan_slug>/analyses/", views.index, name="index"),
    path("p/<slug:plan_slug>/analyses/micmac/", views.micmac, name="micmac"),
    path(
        "p/<slug:plan_slug>/analyses/micmac/result.<str:file_format>",
        views.micmac_download,
        name="micmac_download",
    ),
]
