"""The process in the admin: every page opens, and an upload is judged by its content there too."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ordito.process.models import MeetingDocument

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

MODELS = ["phase", "milestone", "commission", "meeting", "motion", "commissiondocument"]


@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_and_add_pages_open(staff_client, world, model):
    assert staff_client.get(f"/en/admin/process/{model}/").status_code == 200
    assert staff_client.get(f"/en/admin/process/{model}/add/").status_code == 200


def test_admin_meeting_document_refuses_a_png_named_pdf(staff_client, world):
    meeting = world.public_meeting
    url = f"/en/admin/process/meeting/{meeting.pk}/change/"
    form = staff_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data = {
        **{k: v for k, v in data.items() if not isinstance(v, list)},
        "starts_at_0": meeting.starts_at.strftime("%Y-%m-%d"),
        "starts_at_1": meeting.starts_at.strftime("%H:%M:%S"),
        "ends_at_0": meeting.ends_at.strftime("%Y-%m-%d"),
        "ends_at_1": meeting.ends_at.strftime("%H:%M:%S"),
        "commissions": [world.commission_a.pk],
        "example_fields": "[]",
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
        "motions-TOTAL_FORMS": "0",
        "motions-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "1",
        "documents-INITIAL_FORMS": "0",
        "documents-0-title": "Invito",
        "documents-0-file": SimpleUploadedFile("invito.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),
    }
    response = staff_client.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert "not a document we accept" in response.content.decode()
    assert not MeetingDocument.objects.exists()
