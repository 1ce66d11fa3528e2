"""Uploads are judged by their content: a file is what its first bytes say, not what its name
or its sender claim."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from ordito.process import documents
from ordito.process.documents import document_check, document_kind
from tests.process.conftest import PDF

pytestmark = pytest.mark.usefixtures("english")


def zipped(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            # OpenDocument stores its mimetype uncompressed, first (ODF 1.2 part 3, 3.3).
            compression = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=compression)
    return buffer.getvalue()


ODT = zipped([("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>")])
DOCX = zipped([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>")])
XLSX = zipped([("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>")])
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00" + b"\x00" * 64


@pytest.mark.parametrize(
    ("content", "extension"),
    [
        (PDF, "pdf"),
        (ODT, "odt"),
        (DOCX, "docx"),
        (XLSX, "xlsx"),
        ("Verbale della riunione: è così.\n".encode(), "txt"),
    ],
)
def test_document_kind_reads_the_type_from_the_content(content, extension):
    kind = document_kind(io.BytesIO(content))
    assert kind is not None and kind.extension == extension


@pytest.mark.parametrize(
    "content",
    [
        PNG,
        EXE,
        zipped([("readme.txt", b"just a zip")]),
        zipped([("mimetype", b"application/x-evil"), ("content.xml", b"<x/>")]),
        b"PK\x03\x04 broken zip",
        b"text with a \x00 NUL byte",
        "latin-1 text: caff\xe8".encode("latin-1"),
    ],
    ids=["png", "exe", "plain-zip", "odf-wrong-mimetype", "broken-zip", "nul", "not-utf8"],
)
def test_document_kind_refuses_what_is_not_an_accepted_document(content):
    assert document_kind(io.BytesIO(content)) is None


def test_document_check_names_the_field_for_a_png_called_pdf():
    with pytest.raises(ValidationError) as error:
        document_check(io.BytesIO(PNG), size=len(PNG), field="file")
    assert "not a document we accept" in error.value.message_dict["file"][0]


def test_document_check_refuses_empty_and_oversized_files(monkeypatch):
    with pytest.raises(ValidationError) as empty:
        document_check(io.BytesIO(b""), size=0)
    assert empty.value.message_dict["file"] == ["The file is empty."]
    monkeypatch.setattr(documents, "DOCUMENT_MAX_BYTES", 10)
    with pytest.raises(ValidationError) as big:
        document_check(io.BytesIO(PDF), size=len(PDF))
    assert "too large" in big.value.message_dict["file"][0]


def test_document_kind_keeps_text_cut_inside_a_character_at_the_sniffed_length():
    text = ("à" * documents.TEXT_SNIFF_BYTES).encode()  # 2 bytes each: cut at an odd byte
    head = text[: documents.TEXT_SNIFF_BYTES + 1]
    assert document_kind(io.BytesIO(head)).extension == "txt"
