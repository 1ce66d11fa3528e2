"""The text of personal API tokens: how one is made, recognised and reduced to its digest."""

import hashlib
import re
import secrets

TOKEN_PREFIX = "ordito_"
# 32 random bytes (256 bits) in URL-safe base64: 43 characters.
TOKEN_PATTERN = re.compile(r"^ordito_[A-Za-z0-9_-]{43}$")
SHOWN_PREFIX_LENGTH = 12


def token_new() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_is_well_formed(token: str) -> bool:
    return bool(TOKEN_PATTERN.fullmatch(token))
