"""Extraction: a file's bytes → :class:`~screener.model.Document` (text lines with provenance).

The type is sniffed from the bytes, never trusted from the file name. Every failure is an
:class:`~screener.errors.ExtractError` with a stable code.
"""

from __future__ import annotations

import stat
from pathlib import Path

from screener.errors import ExtractError
from screener.extract.docx import extract_docx
from screener.extract.html import extract_html
from screener.extract.jsonresume import extract_json
from screener.extract.limits import Limits
from screener.extract.ocr import ocr_image, ocr_pdf
from screener.extract.odt import extract_odt
from screener.extract.rtf import extract_rtf
from screener.extract.sniff import sniff
from screener.extract.text import extract_text
from screener.model import Document

__all__ = ["EXTRACTOR_VERSION", "Limits", "extract", "extract_file", "read_file"]

# Bump when a change here can change the lines extracted from the same bytes: it keys the parse cache.
EXTRACTOR_VERSION = 2


def extract(data: bytes, name: str = "", limits: Limits = Limits()) -> Document:
    """A document's lines, its kind sniffed from the bytes; ``name`` only tells Markdown from text."""
    if len(data) > limits.max_bytes:
        raise ExtractError("too_large", f"the file has {len(data)} bytes, over the limit of {limits.max_bytes}")
    kind = sniff(data, name)
    if kind in ("text", "markdown", "json", "html", "rtf") and len(data) > 4 * limits.max_chars:
        raise ExtractError("too_large", f"the file has {len(data)} bytes of text, far more than a CV "
                                        f"(the limit is {limits.max_chars} characters)")
    if kind == "pdf":
        from screener.extract.pdf import extract_pdf  # pdfminer is slow to import; only PDFs need it

        try:
            document = extract_pdf(data, limits)
        except ExtractError as exc:
            if exc.code != "no_text":
                raise
            document = ocr_pdf(data, exc.message)  # an image-only scan, read by OCR where it is installed
    elif kind == "image":
        document = ocr_image(data)
    elif kind == "docx":
        document = extract_docx(data, limits)
    elif kind == "json":
        document = extract_json(data)
    elif kind == "html":
        document = extract_html(data)
    elif kind == "odt":
        document = extract_odt(data, limits)
    elif kind == "rtf":
        document = extract_rtf(data)
    else:
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
