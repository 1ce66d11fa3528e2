"""An e-mail backend whose server is always down, for the retry tests."""

from django.core.mail.backends.base import BaseEmailBackend


class UnreachableBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the SMTP server is not answering")
