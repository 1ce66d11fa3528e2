"""Addresses of the process's pages, under each plan's `/p/<plan>/`."""

from django.urls import path

import ordito.core.converters  # noqa: F401  (registers <dbid:…>)
from ordito.process.views import calendars, manage, public, registrations, workspace

app_name = "process"
PLAN = "p/<slug:plan_slug>/"
COMMISSION = PLAN + "commissions/<dbid:pk>/"
MEETING = PLAN + "meetings/<dbid:pk>/"
urlpatterns = [
    path(PLAN + "process/", public.process, name="process"),
    path(PLAN + "process/phases/new/", manage.phase_edit, name="phase_create"),
    path(PLAN + "process/phases/<dbid:pk>/edit/", manage.phase_edit, name="phase_edit"),
    path(PLAN + "process/milestones/new/", manage.milestone_edit, name="milestone_create"),
    path(PLAN + "process/milestones/<dbid:pk>/edit/", manage.milestone_edit, name="milestone_edit"),
    path(PLAN + "commissions/", public.commission_list, name="commission_list"),
    path(PLAN + "commissions/new/", manage.commission_edit, name="commission_create"),
    path(COMMISSION, public.commission, name="commission"),
    path(COMMISSION + "edit/", manage.commission_edit, name="commission_edit"),
    path(COMMISSION + "workspace/", workspace.workspace, name="workspace"),
    path(COMMISSION + "workspace/documents/", workspace.document_create, name="document_create"),
    path(
        COMMISSION + "workspace/documents/<dbid:document_pk>/versions/",
        workspace.version_add,
        name="version_add",
    ),
    path(
        COMMISSION + "workspace/documents/<dbid:document_pk>/versions/<dbid:number>/",
        workspace.version_download,
        name="version_download",
    ),
    path(PLAN + "meetings/", public.meeting_list, name="meeting_list"),
    path(PLAN + "meetings/new/", manage.meeting_edit, name="meeting_create"),
    path(MEETING, public.meeting, name="meeting"),
    path(MEETING + "edit/", manage.meeting_edit, name="meeting_edit"),
    path(MEETING + "minutes/", manage.meeting_minutes, name="meeting_minutes"),
    path(MEETING + "motions/new/", manage.motion_edit, name="motion_create"),
    path(MEETING + "motions/<dbid:motion_pk>/edit/", manage.motion_edit, name="motion_edit"),
    path(MEETING + "motions/<dbid:motion_pk>/result/", manage.motion_result, name="motion_result"),
    path(
        MEETING + "documents/<dbid:document_pk>/",
        public.meeting_document,
        name="meeting_document",
    ),
    # Registrations and calendars (views/registrations.py, views/calendars.py)
    path(MEETING + "register/", registrations.meeting_register, name="meeting_register"),
    path(MEETING + "unregister/", registrations.meeting_unregister, name="meeting_unregister"),
    path(MEETING + "registrations/", registrations.registration_list, name="registration_list"),
    path(
        MEETING + "registrations.<str:fmt>",
        registrations.registration_export,
        name="registration_export",
    ),
    path(MEETING + "calendar.ics", calendars.meeting_calendar, name="meeting_calendar"),
    path(PLAN + "calendar.ics", calendars.plan_calendar, name="plan_calendar"),
    path(COMMISSION + "calendar.ics", calendars.commission_calendar, name="commission_calendar"),
    # The token is URL-safe base64 (secrets.token_urlsafe): anything else is no address at all.
    path("me/calendar/<slug:token>.ics", calendars.private_calendar, name="private_calendar"),
    path("me/calendar/reset/", calendars.calendar_secret_reset, name="calendar_secret_reset"),
]
