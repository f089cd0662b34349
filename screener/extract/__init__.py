"""Extraction: a file's bytes → :class:`~screener.model.Document` (text lines with provenance).

The type is sniffed from the bytes, never trusted from the file name. Every failure is an
:class:`~screener.errors.ExtractError` with a stable code. Each format's reader is imported when a file
of that format is read (a run whose parses all come from the cache loads none of them); a process that
will read many files imports :data:`READERS` first.
"""

from __future__ import annotations

import stat
from pathlib import Path

from screener.errors import ExtractError
from screener.extract.limits import Limits
from screener.model import Document

__all__ = ["EXTRACTOR_VERSION", "READERS", "Limits", "extract", "extract_file", "read_file"]

# Bump when a change here can change the lines extracted from the same bytes: it keys the parse cache.
EXTRACTOR_VERSION = 8
READERS = ("screener.extract.pdf", "screener.extract.docx", "screener.extract.html", "screener.extract.jsonresume",
           "screener.extract.ocr", "screener.extract.odt", "screener.extract.rtf", "screener.extract.text")


def extract(data: bytes, name: str = "", limits: Limits = Limits()) -> Document:
    """A document's lines, its kind sniffed from the bytes; ``name`` only tells Markdown from text."""
    if len(data) > limits.max_bytes:
        raise ExtractError("too_large", f"the file has {len(data)} bytes, over the limit of {limits.max_bytes}")
    from screener.extract.sniff import sniff

    kind = sniff(data, name)
    if kind in ("text", "markdown", "json", "html", "rtf") and len(data) > 4 * limits.max_chars:
        raise ExtractError("too_large", f"the file has {len(data)} bytes of text, far more than a CV "
                                        f"(the limit is {limits.max_chars} characters)")
    if kind == "pdf":
        from screener.extract.ocr import ocr_pdf
        from screener.extract.pdf import extract_pdf

        try:
            document = extract_pdf(data, limits)
        except ExtractError as exc:
            if exc.code != "no_text":
                raise
            document = ocr_pdf(data, exc.message)  # an image-only scan, read by OCR where it is installed
    elif kind == "image":
        from screener.extract.ocr import ocr_image

        document = ocr_image(data)
    elif kind == "docx":
        from screener.extract.docx import extract_docx

        document = extract_docx(data, limits)
    elif kind == "json":
        from screener.extract.jsonresume import extract_json

        document = extract_json(data)
    elif kind == "html":
        from screener.extract.html import extract_html

        document = extract_html(data)
    elif kind == "odt":
        from screener.extract.odt import extract_odt

        document = extract_odt(data, limits)
    elif kind == "rtf":
        from screener.extract.rtf import extract_rtf

        document = extract_rtf(data)
    else:
        from screener.extract.text import extract_text

        document = extract_text(data, markdown=kind == "markdown")
    chars = sum(len(line.text) for line in document.lines)
    if chars > limits.max_chars:
        raise ExtractError("too_large", f"the document has {chars} characters of text, over the limit of "
                                        f"{limits.max_chars} (a CV has a few thousand)")
    return document


def read_file(path: Path, limits: Limits = Limits()) -> bytes:
    """A file's bytes, refusing an oversized or special file before reading it."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ExtractError("unreadable", f"{path.name} is not a regular file")
        if info.st_size > limits.max_bytes:
            raise ExtractError("too_large", f"the file is {info.st_size / 1e6:.1f} MB, over the "
                                            f"{limits.max_bytes / 1e6:g} MB limit")
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)  # the file may grow between stat and read
    except OSError as exc:
        raise ExtractError("unreadable", f"the file could not be read: {exc.strerror or exc}") from exc
    if len(data) > limits.max_bytes:
        raise ExtractError("too_large", f"the file is over the {limits.max_bytes / 1e6:g} MB limit")
    return data


def extract_file(path: Path, limits: Limits = Limits()) -> Document:
    """:func:`extract` on a file, refusing an oversized one before reading it."""
    return extract(read_file(path, limits), path.name, limits)
