"""The staff's editing of municipalities; every write is announced (territory/signals.py)."""

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from ordito.territory.models import Municipality
from ordito.territory.signals import municipalities_writing


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "istat_code", "province_code", "region"]
    list_filter = ["province_code"]
    search_fields = ["name", "istat_code"]

    def save_model(
        self, request: HttpRequest, obj: Municipality, form: ModelForm, change: bool
    ) -> None:
        municipalities_writing.send(sender=Municipality)
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: Municipality) -> None:
        municipalities_writing.send(sender=Municipality)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Municipality]) -> None:
        municipalities_writing.send(sender=Municipality)
        super().delete_queryset(request, queryset)
