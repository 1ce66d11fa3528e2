"""Addresses of a plan's analyses, under `/p/<plan>/analyses/`."""

from django.urls import path

from ordito.analyses import views

app_name = "analyses"
urlpatterns = [
    path("p/<slug:plan_slug>/analyses/", views.index, name="index"),
    path("p/<slug:plan_slug>/analyses/micmac/", views.micmac, name="micmac"),
    path("p/<slug:plan_slug>/analyses/coherence/", views.coherence, name="coherence"),
    path(
        "p/<slug:plan_slug>/analyses/<slug:name>/result.<slug:file_format>",
        views.download,
        name="download",
    ),
]
