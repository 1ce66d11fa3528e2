"""What the territory tells the apps that show municipalities, without knowing them.

Plans show municipalities' names on their pages, so the plans app listens and raises every plan's
content version (plans/versions.py); the territory stays below the plans, importing nothing of
theirs.
"""

from django.dispatch import Signal

# Sent inside the writer's transaction, just before municipalities are created, changed or deleted.
municipalities_writing = Signal()
