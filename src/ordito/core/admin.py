"""The base of every admin page that edits content: it keeps the content version right."""

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import BaseFormSet, ModelForm
from django.http import HttpRequest

from ordito.core.versions import content_writing, contents_writing


class ContentVersionAdmin(admin.ModelAdmin):
    """Raises the content version of every plan a saved, deleted or inline row shows on.

    The admin saves through model forms, not through the services, so it raises the version
    itself (core/versions.py); each hook runs before the row is written, inside the admin's
    transaction. `save_related` is left alone: the many-to-many links it writes (an objective's
    meta-objectives) belong to the row `save_model` has just saved, whose raise covers them, so
    one change form raises each plan once.
    """

    def save_model(self, request: HttpRequest, obj, form: ModelForm, change: bool) -> None:
        content_writing(obj)
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj) -> None:
        content_writing(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        contents_writing(queryset)
        super().delete_queryset(request, queryset)

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseFormSet, change: bool
    ) -> None:
        deleted = formset.deleted_forms
        for inline_form in formset.forms:
            if inline_form in deleted or inline_form.has_changed():
                content_writing(inline_form.instance)
        super().save_formset(request, form, formset, change)
