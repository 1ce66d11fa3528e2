"""What a document upload is, judged by its content rather than by its name, and how big it may be.

A file's name and the type its browser claims are whatever the sender wants; the first bytes are
what programs will actually open. We accept the formats a planning office exchanges (PDF, the
OpenDocument and Office Open XML formats, plain text) and recognise each by its signature:

- PDF starts with ``%PDF-`` (ISO 32000-1, 7.5.2);
- an OpenDocument file is a ZIP whose first entry is ``mimetype``, stored uncompressed, holding
  the media type (OpenDocument 1.2, part 3, 3.3), so the type is readable at byte 38;
- an Office Open XML file is a ZIP holding ``[Content_Types].xml`` and its main part
  (``word/document.xml``, ``xl/workbook.xml``, ``ppt/presentation.xml``; ECMA-376 part 2);
- plain text is UTF-8 without NUL bytes.
"""

import codecs
import zipfile
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
# How much of a text file is read to decide that it is text.
TEXT_SNIFF_BYTES = 64 * 1024

ZIP_SIGNATURE = b"PK\x03\x04"
OPENDOCUMENT_TYPES = {
    b"application/vnd.oasis.opendocument.text": ("odt", "application/vnd.oasis.opendocument.text"),
    b"application/vnd.oasis.opendocument.spreadsheet": (
        "ods",
        "application/vnd.oasis.opendocument.spreadsheet",
    ),
    b"application/vnd.oasis.opendocument.presentation": (
        "odp",
        "application/vnd.oasis.opendocument.presentation",
    ),
}
OFFICE_PARTS = {
    "word/document.xml": (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xl/workbook.xml": (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "ppt/presentation.xml": (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}


@dataclass(frozen=True, slots=True)
class DocumentKind:
    extension: str
    content_type: str


def document_kind(file: IO[bytes]) -> DocumentKind | None:
    """The kind of document `file` holds, read from its content; None for anything else.

    The file's position is put back at the start.
    """
    file.seek(0)
    head = file.read(TEXT_SNIFF_BYTES)
    try:
        if head.startswith(b"%PDF-"):
            return DocumentKind("pdf", "application/pdf")
        if head.startswith(ZIP_SIGNATURE):
            return _zip_kind(file, head)
        if head and _is_text(head, whole=len(head) < TEXT_SNIFF_BYTES):
            return DocumentKind("txt", "text/plain")
        return None
    except (zipfile.BadZipFile, OSError):
        return None
    finally:
        file.seek(0)


def _is_text(head: bytes, *, whole: bool) -> bool:
    """UTF-8 without NUL bytes; a head cut inside a character (`whole` false) still counts."""
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=whole)
    except UnicodeDecodeError:
        return False
    return True


def _zip_kind(file: IO[bytes], head: bytes) -> DocumentKind | None:
    if head[30:38] == b"mimetype":
        media_type = head[38 : 38 + 80].split(b"PK", 1)[0]
        if media_type in OPENDOCUMENT_TYPES:
            extension, content_type = OPENDOCUMENT_TYPES[media_type]
            return DocumentKind(extension, content_type)
        return None
    with zipfile.ZipFile(file) as archive:
        names = set(archive.namelist())
    if "[Content_Types].xml" not in names:
        return None
    for part, (extension, content_type) in OFFICE_PARTS.items():
        if part in names:
            return DocumentKind(extension, content_type)
    return None


def document_check(file: IO[bytes], *, size: int, field: str = "file") -> DocumentKind:
    """The kind of an uploaded document, or a `ValidationError` on `field` saying what is wrong."""
    if size == 0:
        raise ValidationError({field: _("The file is empty.")})
    if size > DOCUMENT_MAX_BYTES:
        raise ValidationError(
            {
                field: _("The file is too large: at most %(megabytes)d MB.")
                % {"megabytes": DOCUMENT_MAX_BYTES // (1024 * 1024)}
            }
        )
    kind = document_kind(file)
    if kind is None:
        raise ValidationError(
            {
                field: _(
                    "This file is not a document we accept: send a PDF, OpenDocument, Word, "
                    "Excel, PowerPoint or plain-text file."
                )
            }
        )
    return kind
