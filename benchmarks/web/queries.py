"""Print the SQL queries each public page costs on the benchmark plan (run by load.sh)."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ordito.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from ordito.plans.models import Project  # noqa: E402

project = Project.objects.filter(plan__slug="bench").order_by("code")[2500]
client = Client(SERVER_NAME="127.0.0.1")
for page in ["/p/bench/", "/p/bench/projects/", f"/p/bench/projects/{project.pk}/"]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(page, secure=True).status_code
    print(f"{page:32} status={status} queries={len(queries)}")
