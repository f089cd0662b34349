"""What a file is, read from its bytes; the name only breaks the tie between text and Markdown."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from screener.errors import ExtractError
from screener.extract.text import decode, unicode_encoding
from screener.model import DocumentKind

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG: read by OCR
_BINARY_MAGIC = (
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
# C0 controls other than NUL, \t \n \v \f \r and ESC, plus DEL: rare in text, ~10% of random bytes.
_CONTROL = bytes([*range(0x01, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_SAMPLE = 65536
# HTML: a doctype or an <html>, <head> or <body> tag first, after any BOM, comments and XML declaration.
_HTML = re.compile(r"\ufeff?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*){0,5}"
                   r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL)

# Quantifiers are bounded so that a hostile one-line file cannot make a search quadratic.
_MARKDOWN_SIGNS = {
    "atx": re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE),
    "setext": re.compile(r"\S[ \t]*\n {0,3}(?:={3,}|-{3,})[ \t]*$", re.MULTILINE),
    "bold": re.compile(r"(\*\*|__)\S[^\n]{0,200}?\S\1"),
    "link": re.compile(r"\[[^\]\n]{1,300}\]\([^)\s]{1,2000}\)"),
    "autolink": re.compile(r"<(?:https?://[^>\s]{1,2000}|[^>\s@]{1,200}@[^>\s@]{1,200})>"),
    "fence": re.compile(r"^ {0,3}```", re.MULTILINE),
    "table": re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|", re.MULTILINE),
}


def sniff(data: bytes, name: str = "") -> DocumentKind:
    """The document kind of ``data``; raises ExtractError('empty' | 'unsupported_format' | ...) otherwise."""
    if not data:
        raise ExtractError("empty", "the file is empty (0 bytes)")
    head = data[:1024]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ExtractError("encrypted", "the file is a password-protected Office document")
        raise ExtractError("unsupported_format",
                           "the file is a legacy Office (OLE) document such as .doc; save it as DOCX or PDF")
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise ExtractError("unsupported_format", f"the file is {what}, not a CV document")
    if unicode_encoding(data) is None and _looks_binary(data[:_SAMPLE]):
        raise ExtractError("unsupported_format", "the file is binary data of an unknown format")
    sample = decode(data[:_SAMPLE])
    if sample.lstrip().startswith("{") and data.rstrip(b" \t\r\n\x00").endswith(b"}"):  # UTF-8 or UTF-16
        return "json"
    if _HTML.match(sample):
        return "html"
    if name.lower().endswith((".md", ".markdown")) or looks_like_markdown(sample):
        return "markdown"
    return "text"


def _zip_kind(data: bytes) -> DocumentKind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names and \
                archive.getinfo("mimetype").file_size < 100 else b""
    except (zipfile.BadZipFile, ValueError, EOFError, zlib.error) as exc:
        raise ExtractError("corrupt", f"the file starts like a ZIP/DOCX but is damaged ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and mimetype.strip() == b"application/vnd.oasis.opendocument.text":
        return "odt"  # an OpenDocument package names its type in its 'mimetype' entry
    raise ExtractError("unsupported_format", "the file is a ZIP archive that is not a Word or OpenDocument "
                                             "text document")


def _looks_binary(sample: bytes) -> bool:
    """Control bytes above 1%. NULs are not counted: text extraction drops them, and a file of
    NULs and whitespace ends as 'empty'."""
    return sum(sample.count(b) for b in _CONTROL) > 0.01 * len(sample)


def looks_like_markdown(text: str) -> bool:
    """Two different kinds of Markdown syntax, or several ATX headings.

    A single kind is not enough: plain-text CVs underline headings with '====' as Markdown does.
    """
    kinds = {kind for kind, pattern in _MARKDOWN_SIGNS.items() if pattern.search(text)}
    return len(kinds) >= 2 or len(_MARKDOWN_SIGNS["atx"].findall(text)) >= 3
