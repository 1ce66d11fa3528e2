"""The editing of municipalities, shared by every plan: plan staff read them, superusers change
them; every write raises the content version of the plans."""

from django.contrib import admin

from ordito.core.admin import ContentVersionAdmin, SharedRegistryAdmin
from ordito.territory.models import Municipality


@admin.register(Municipality)
class MunicipalityAdmin(SharedRegistryAdmin, ContentVersionAdmin):
    list_display = ["name", "istat_code", "province_code", "region"]
    list_filter = ["province_code"]
    search_fields = ["name", "istat_code"]
