"""Authenticator codes computed the way an authenticator app does, for tests (pyotp is not a
dependency): HOTP (RFC 4226, section 5.3) over the time step of TOTP (RFC 6238, section 4)."""

import base64
import hashlib
import hmac
import struct
import time


def totp_code(secret: str, *, at: float | None = None, digits: int = 6, period: int = 30) -> str:
    """The code for the base32 `secret` at the time `at` (now if None)."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // period)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**digits:0{digits}d}"
