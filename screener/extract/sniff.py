"""What a file is, read from its bytes; the name only breaks the tie between text and Markdown."""

from __future__ import annotations

import io
import re
import zipfile

from screener.errors import ExtractError
from screener.extract.text import decode, unicode_encoding
from screener.model import DocumentKind

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
# C0 controls other than NUL, \t \n \v \f \r and ESC, plus DEL: rare in text, ~10% of random bytes.
_CONTROL = bytes([*range(0x01, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_SAMPLE = 65536

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
    for magic, what in _BINARY_MAGIC:
        if head.startswith(magic):
            raise ExtractError("unsupported_format", f"the file is {what}, not a CV document")
    if unicode_encoding(data) is None and _looks_binary(data[:_SAMPLE]):
        raise ExtractError("unsupported_format", "the file is binary data of an unknown format")
    if name.lower().endswith((".md", ".markdown")) or looks_like_markdown(decode(data[:_SAMPLE])):
        return "markdown"
    return "text"


def _zip_kind(data: bytes) -> DocumentKind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise ExtractError("corrupt", f"the file starts like a ZIP/DOCX but is damaged ({exc})") from exc
    if "word/document.xml" in names:
        return "docx"
    raise ExtractError("unsupported_format",
                       "the file is a ZIP archive that is not a Word document (no word/document.xml)")


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
