"""The person calling the API (`/me`) and their personal access tokens.

Each operation's id is the selector or service it calls.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Path, Router, Status

from ordito.api.errors import INVALID, NOT_FOUND, Error
from ordito.api.parameters import ROW_ID_MAX
from ordito.people import selectors, services
from ordito.people.api_auth import AUTHENTICATED, SESSION_ONLY
from ordito.people.schemas import Me, TokenCreated, TokenIn, TokenListed

router = Router(tags=["people"])

UNAUTHENTICATED = {401: Error}
FORBIDDEN = {403: Error}


@router.get(
    "/me", auth=AUTHENTICATED, response={200: Me, **UNAUTHENTICATED}, operation_id="person_get"
)
def person_get(request: HttpRequest) -> dict:
    """Who is calling: display name, e-mail, language, roles in plans, affiliations."""
    user = request.auth
    person = services.person_ensure(user=user)
    return {
        "id": user.pk,
        "display_name": person.display_name,
        "email": user.email,
        "language": person.language,
        "roles": [
            {"plan": held.plan.slug, "role": held.role}
            for held in selectors.plan_roles_of(user=user)
        ],
        "affiliations": [],
    }


@router.get(
    "/me/tokens",
    auth=AUTHENTICATED,
    response={200: list[TokenListed], **UNAUTHENTICATED},
    operation_id="api_tokens_of",
)
def api_tokens_of(request: HttpRequest):
    """The caller's tokens that have not expired, the newest first (never the tokens themselves)."""
    return selectors.api_tokens_of(user=request.auth)


@router.post(
    "/me/tokens",
    auth=SESSION_ONLY,
    response={201: TokenCreated, **UNAUTHENTICATED, **FORBIDDEN, **INVALID},
    operation_id="api_token_create",
)
def api_token_create(request: HttpRequest, body: TokenIn):
    """A new token for the person logged in on the site (session and CSRF token required: a
    token cannot make tokens). The answer holds the token, which is never shown again."""
    token, text = services.api_token_create(user=request.auth, name=body.name, days=body.days)
    return Status(
        201, {"id": token.pk, "name": token.name, "token": text, "expires_at": token.expires_at}
    )


@router.delete(
    "/me/tokens/{token_id}",
    auth=AUTHENTICATED,
    response={204: None, **UNAUTHENTICATED, **FORBIDDEN, **NOT_FOUND, **INVALID},
    operation_id="api_token_revoke",
)
def api_token_revoke(request: HttpRequest, token_id: int = Path(..., ge=1, le=ROW_ID_MAX)):
    """Revoke one of the caller's tokens; another person's token is not found (404)."""
    get_object_or_404(selectors.api_tokens_of(user=request.auth), pk=token_id)
    services.api_token_revoke(user=request.auth, token_id=token_id)
    return HttpResponse(status=204)
