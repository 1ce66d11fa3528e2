"""The editing of actors, a registry every plan shares: plan staff read it, superusers change it;
every change raises the content version of the plans it shows on."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from ordito.actors.models import Actor
from ordito.core.admin import ContentVersionAdmin, SharedRegistryAdmin


@admin.register(Actor)
class ActorAdmin(SharedRegistryAdmin, ContentVersionAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "kind", "sector", "municipality", "member_since", "is_example"]
    list_filter = ["kind", "is_example"]
    search_fields = ["name", "key", "sector"]
    prepopulated_fields = {"key": ["name"]}
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]
