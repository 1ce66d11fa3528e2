"""The tests' own authenticator agrees with RFC 6238, so the second-factor tests rest on it."""

import base64

import pytest

from tests.accounts.totp import totp_code

# RFC 6238, Appendix B: the SHA-1 seed "12345678901234567890" and 8-digit codes.
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()


@pytest.mark.parametrize(
    ("at", "code"),
    [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1234567890, "89005924"),
        (20000000000, "65353130"),
    ],
)
def test_totp_code_matches_rfc_6238_appendix_b(at, code):
    assert totp_code(RFC_SECRET, at=at, digits=8) == code
