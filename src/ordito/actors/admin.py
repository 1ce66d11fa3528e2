"""The staff's editing of actors; every change raises the content version of the plans it shows on."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from ordito.actors.models import Actor, ActorInfluence, ActorPosition
from ordito.plans.admin import ContentVersionAdmin


@admin.register(Actor)
class ActorAdmin(ContentVersionAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "kind", "sector", "municipality", "member_since", "is_example"]
    list_filter = ["kind", "is_example"]
    search_fields = ["name", "key", "sector"]
    prepopulated_fields = {"key": ["name"]}
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]


@admin.register(ActorInfluence)
class ActorInfluenceAdmin(ContentVersionAdmin, SimpleHistoryAdmin):
    list_display = ["source", "target", "strength", "plan", "is_example"]
    list_filter = ["plan", "is_example"]
    list_select_related = ["source", "target", "plan"]
    autocomplete_fields = ["source", "target"]


@admin.register(ActorPosition)
class ActorPositionAdmin(ContentVersionAdmin, SimpleHistoryAdmin):
    list_display = ["actor", "objective", "position", "is_example"]
    list_filter = ["objective__plan", "is_example"]
    list_select_related = ["actor", "objective"]
    autocomplete_fields = ["actor", "objective"]
