"""Staff must use a second factor before any staff page answers them."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from ordito.accounts.selectors import has_second_factor, needs_second_factor
from ordito.accounts.staff import is_staff_page


class StaffSecondFactorMiddleware:
    """Send a staff member or superuser without an authenticator app to allauth's page that sets
    one up, before they reach a staff page (`accounts.staff`). allauth then shows the recovery
    codes it made; the staff page opens from there on.

    It sits after AuthenticationMiddleware. It asks the database only on staff pages, and only
    for staff: one query. Logging in with an authenticator always asks for its code, as the admin's
    own login form is replaced by allauth's (ordito/urls.py).
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not is_staff_page(match, view_func):
            return None
        if not needs_second_factor(request.user) or has_second_factor(request.user):
            return None
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
