"""A commission's workspace is for its members and the plan's staff: nobody else learns that it
exists (404 at every address), and no document of one commission is reached through another's."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ordito.process import documents
from ordito.process.models import CommissionDocument, DocumentVersion
from tests.process.conftest import PDF, pdf_upload
from tests.sample_plan import HOSTILE, HOSTILE_ESCAPED

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def addresses(world, commission, document) -> list[str]:
    base = f"/p/{world.demo.plan.slug}/commissions/{commission.pk}/workspace/"
    return [
        base,
        f"{base}documents/{document.pk}/versions/1/",
    ]


def login(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member_b", "other_staff"])
def test_workspace_of_a_is_not_found_for_who_is_not_its_member_nor_staff(client, world, who):
    if who != "anonymous":
        login(client, getattr(world, who))
    for url in addresses(world, world.commission_a, world.document_a):
        assert client.get(url).status_code == 404, url
        assert client.get("/en" + url).status_code == 404, url


@pytest.mark.parametrize("who", ["member_a", "coordinator_a", "staff"])
def test_workspace_of_a_shows_drafts_members_with_email_and_internal_meetings(client, world, who):
    login(client, getattr(world, who))
    response = client.get(
        f"/en/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/workspace/"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bozza del documento A" in page
    assert "Bozza del documento B" not in page
    assert world.member_a.email in page and world.coordinator_a.email in page
    assert world.member_b.email not in page
    assert "Reserved internal meeting" in page


def test_document_of_a_through_the_address_of_b_is_not_found_even_for_a_member_of_both(
    client, world
):
    from tests.process.factories import MembershipFactory

    MembershipFactory(commission=world.commission_b, user=world.member_a)
    login(client, world.member_a)
    slug = world.demo.plan.slug
    b = world.commission_b.pk
    a_doc = world.document_a.pk
    assert (
        client.get(f"/p/{slug}/commissions/{b}/workspace/documents/{a_doc}/versions/1/").status_code
        == 404
    )
    response = client.post(
        f"/p/{slug}/commissions/{b}/workspace/documents/{a_doc}/versions/",
        {"file": pdf_upload()},
    )
    assert response.status_code == 404
    assert DocumentVersion.objects.filter(document=world.document_a).count() == 1


def test_workspace_of_a_commission_of_another_plan_is_not_found_through_this_plan(client, world):
    login(client, world.staff)
    response = client.get(f"/p/altro-piano/commissions/{world.commission_a.pk}/workspace/")
    assert response.status_code == 404
    assert (
        client.get(f"/p/nessun-piano/commissions/{world.commission_a.pk}/workspace/").status_code
        == 404
    )
    assert client.get(f"/p/{world.demo.plan.slug}/commissions/999999/workspace/").status_code == 404


def test_version_download_gives_the_file_as_an_attachment_to_a_member(client, world):
    login(client, world.member_a)
    url = addresses(world, world.commission_a, world.document_a)[1]
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_version_add_by_a_member_numbers_it_and_lists_it(client, world):
    login(client, world.member_a)
    base = f"/en/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/workspace/"
    response = client.post(
        f"{base}documents/{world.document_a.pk}/versions/",
        {"file": SimpleUploadedFile("v2.txt", b"seconda versione\n"), "note": "Seconda stesura"},
    )
    assert response.status_code == 302
    version = DocumentVersion.objects.get(document=world.document_a, number=2)
    assert (version.extension, version.content_type, version.uploaded_by) == (
        "txt",
        "text/plain",
        world.member_a,
    )
    page = client.get(base).content.decode()
    assert "Seconda stesura" in page
    assert f"documents/{world.document_a.pk}/versions/2/" in page


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("finto.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),
            "not a document we accept",
        ),
        (SimpleUploadedFile("vuoto.pdf", b""), "The submitted file is empty."),
        (SimpleUploadedFile("programma.pdf", b"MZ\x90\x00\x03"), "not a document we accept"),
    ],
    ids=["png-named-pdf", "empty", "executable-named-pdf"],
)
def test_version_add_refuses_a_file_that_is_not_a_document(client, world, upload, message):
    login(client, world.member_a)
    base = f"/en/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/workspace/"
    response = client.post(f"{base}documents/{world.document_a.pk}/versions/", {"file": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert DocumentVersion.objects.filter(document=world.document_a).count() == 1


def test_document_create_refuses_an_oversized_file_and_writes_nothing(client, world, monkeypatch):
    monkeypatch.setattr(documents, "DOCUMENT_MAX_BYTES", len(PDF) - 1)
    login(client, world.member_a)
    base = f"/en/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/workspace/"
    response = client.post(f"{base}documents/", {"title": "Troppo grande", "file": pdf_upload()})
    assert response.status_code == 400
    assert "The file is too large" in response.content.decode()
    assert not CommissionDocument.objects.filter(title="Troppo grande").exists()


def test_document_create_escapes_a_hostile_title(client, world):
    login(client, world.coordinator_a)
    base = f"/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/workspace/"
    response = client.post(f"{base}documents/", {"title": HOSTILE, "file": pdf_upload()})
    assert response.status_code == 302
    page = client.get(base).content.decode()
    assert HOSTILE_ESCAPED in page and HOSTILE not in page


def test_document_create_without_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.member_a)
    base = f"/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/workspace/"
    response = client.post(f"{base}documents/", {"title": "Senza token", "file": pdf_upload()})
    assert response.status_code == 403
    assert not CommissionDocument.objects.filter(title="Senza token").exists()


def test_document_create_by_a_non_member_is_not_found_and_writes_nothing(client, world):
    login(client, world.member_b)
    base = f"/p/{world.demo.plan.slug}/commissions/{world.commission_a.pk}/workspace/"
    response = client.post(f"{base}documents/", {"title": "Intrusa", "file": pdf_upload()})
    assert response.status_code == 404
    assert not CommissionDocument.objects.filter(title="Intrusa").exists()
