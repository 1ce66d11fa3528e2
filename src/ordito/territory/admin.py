from django.contrib import admin

from ordito.territory.models import Municipality


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "istat_code", "province_code", "region"]
    list_filter = ["province_code"]
    search_fields = ["name", "istat_code"]
