"""The staff's editing of the process in the admin, as plans/admin.py does for the plan: forms
validate through the models' `clean()`, and every change raises the content version of the plans
it shows on. Uploads are checked by their content here too (process/documents.py).

Every page is scoped by plan (core/admin.py): a plan's staff see, choose and change only the rows
of the plans where they hold `plans.change_plan`; process/apps.py says how each row reaches its
plan.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from ordito.core.admin import PlanContentAdmin, PlanContentInline
from ordito.process.documents import document_check
from ordito.process.models import (
    Commission,
    CommissionDocument,
    CommissionMembership,
    ConferenceSession,
    DocumentVersion,
    Meeting,
    MeetingDocument,
    Milestone,
    Motion,
    Phase,
)


class ProcessStaffAdmin(PlanContentAdmin):
    plan_permission = "plans.change_plan"


class ProcessStaffInline(PlanContentInline):
    plan_permission = "plans.change_plan"


@admin.register(Phase)
class PhaseAdmin(ProcessStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "plan", "starts_on", "ends_on", "is_current", "is_example"]
    list_filter = ["plan", "is_current", "is_example"]
    search_fields = ["code", "title_it", "title_en"]


@admin.register(Milestone)
class MilestoneAdmin(ProcessStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "plan", "kind", "happens_on", "is_example"]
    list_filter = ["plan", "kind", "is_example"]
    search_fields = ["code", "title_it", "title_en"]
    list_select_related = ["plan"]
    raw_id_fields = ["meeting"]


class MembershipInline(ProcessStaffInline, admin.TabularInline):
    model = CommissionMembership
    fields = ["user", "role", "actor"]
    raw_id_fields = ["user", "actor"]
    extra = 0


@admin.register(Commission)
class CommissionAdmin(ProcessStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["code", "title", "plan", "kind", "area", "order", "is_example"]
    list_filter = ["plan", "kind", "is_example"]
    search_fields = ["code", "title_it", "title_en"]
    list_select_related = ["plan", "area"]
    inlines = [MembershipInline]


class UploadForm(forms.ModelForm):
    """Fills the type, media type, size and original name from the uploaded file's content."""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            try:
                kind = document_check(upload, size=upload.size)
            except ValidationError as error:
                raise ValidationError(error.message_dict["file"]) from error
            self.instance.extension = kind.extension
            self.instance.content_type = kind.content_type
            self.instance.size_bytes = upload.size
            self.instance.original_name = upload.name[:255]
        return upload


class MeetingDocumentForm(UploadForm):
    class Meta:
        model = MeetingDocument
        fields = ["title", "file"]


class MeetingDocumentInline(ProcessStaffInline, admin.TabularInline):
    model = MeetingDocument
    form = MeetingDocumentForm
    fields = ["title", "file"]
    extra = 0


class SessionInline(ProcessStaffInline, TranslationTabularInline):
    model = ConferenceSession
    fields = ["starts_at", "ends_at", "title", "room", "speakers", "is_example"]
    extra = 0


class MotionInline(ProcessStaffInline, TranslationTabularInline):
    model = Motion
    fields = ["order", "title", "decision", "is_example"]
    extra = 0
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(ProcessStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "plan", "kind", "starts_at", "is_internal", "capacity", "is_example"]
    list_filter = ["plan", "kind", "is_internal", "is_example"]
    search_fields = ["code", "title_it", "title_en"]
    date_hierarchy = "starts_at"
    list_select_related = ["plan"]
    filter_horizontal = ["commissions", "categories"]
    raw_id_fields = ["objectives", "projects", "municipality"]
    inlines = [SessionInline, MotionInline, MeetingDocumentInline]


@admin.register(Motion)
class MotionAdmin(ProcessStaffAdmin, SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "meeting", "decision", "votes_for", "votes_against", "abstentions"]
    list_filter = ["decision", "is_example"]
    raw_id_fields = ["meeting", "recorded_by"]


class VersionInline(ProcessStaffInline, admin.TabularInline):
    """Versions are uploaded in the workspace, where their content is checked; here they are
    listed only."""

    model = DocumentVersion
    fields = ["number", "original_name", "extension", "size_bytes", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CommissionDocument)
class CommissionDocumentAdmin(ProcessStaffAdmin):
    list_display = ["title", "commission", "updated_at"]
    list_filter = ["commission__plan"]
    search_fields = ["title"]
    raw_id_fields = ["created_by"]
    inlines = [VersionInline]
