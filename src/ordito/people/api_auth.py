"""How the API knows who calls it: a personal token, or the site's session with its CSRF token.

Every operation that needs a person lists `AUTHENTICATED` (a token first: a request that carries
one is judged by it alone) or `SESSION_ONLY`. Without credentials, or with a token that is
malformed, unknown, expired or revoked, the answer is 401; a session write without its CSRF token
is 403.
"""

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security.base import AuthBase
from ninja.utils import check_csrf

from ordito.people.selectors import api_token_user

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`, a personal access token (one query to check it)."""

    def authenticate(self, request: HttpRequest, token: str):
        return api_token_user(token=token)


class SessionWithCsrf(AuthBase):
    """The session of a person logged in on the site; writes also need the CSRF token.

    Unlike ninja's `SessionAuth`, an anonymous request is a 401 (who are you?), not a CSRF 403.
    """

    openapi_type = "apiKey"
    openapi_in = "cookie"
    openapi_name = "sessionid"

    def __call__(self, request: HttpRequest):
        if "Authorization" in request.headers:
            return None  # a request that brings a token is judged by the token alone
        user = request.user
        if not user.is_authenticated:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request) is not None:
            raise HttpError(403, "CSRF check failed: send the CSRF token with the session.")
        return user


AUTHENTICATED = [BearerToken(), SessionWithCsrf()]
SESSION_ONLY = [SessionWithCsrf()]
