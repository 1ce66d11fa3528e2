"""The admin's site: who may enter it is a rule, and logging in is allauth's (second factor).

Django's `AdminSite` lets in whoever has `is_staff`; Ordito has no such flag to set by hand.
Whoever holds the permission `people.use_admin` (people/rules.py: the staff of at least one plan,
and superusers) enters, and each admin page then shows them only the rows of their plans
(core/admin.py). `accounts.apps.AdminConfig` makes this the default site, so every app's
`admin.register` lands here.
"""

from allauth.account.utils import get_next_redirect_url
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _


class OrditoAdminSite(admin.AdminSite):
    site_header = _("Ordito administration")
    site_title = _("Ordito administration")

    def has_permission(self, request: HttpRequest) -> bool:
        """Whether the person may use the admin at all; asked on every admin page, answered
        once per request."""
        if "_may_use_admin" not in request.__dict__:
            user = request.user
            request._may_use_admin = user.is_active and user.has_perm("people.use_admin")
        return request._may_use_admin

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        """The admin's own login form would log staff in on the password alone: send people to
        allauth's, which asks for the second factor; refuse a logged-in person who may not enter
        (as allauth's `secure_admin_login` does, with the rule instead of `is_staff`)."""
        if not request.user.is_authenticated:
            next_url = get_next_redirect_url(request) or request.get_full_path()
            login_url = resolve_url(settings.LOGIN_URL)
            return HttpResponseRedirect(f"{login_url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
        if not self.has_permission(request):
            raise PermissionDenied
        return super().login(request, extra_context)
