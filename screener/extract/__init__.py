"""Extraction: a file's bytes → :class:`~screener.model.Document` (text lines with provenance).

The type is sniffed from the bytes, never trusted from the file name. Every failure is an
:class:`~screener.errors.ExtractError` with a stable code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one document may cause (user-settable on the command line)."""

    max_bytes: int = 20 * 1024 * 1024  # file size
    max_pages: int = 30  # PDF pages
    max_inflated_bytes: int = 50 * 1024 * 1024  # DOCX: total uncompressed size of the parts read
    max_chars_per_page: int = 20_000  # PDF: text runs beyond this on one page are not laid out


# --- entry points -----------------------------------------------------------------------------------
# Imports sit below Limits: extractor modules may import it from this package while loading.
import stat
from pathlib import Path

from screener.errors import ExtractError
from screener.extract.docx import extract_docx
from screener.extract.sniff import sniff
from screener.extract.text import extract_text
from screener.model import Document


def extract(data: bytes, name: str = "", limits: Limits = Limits()) -> Document:
    """A document's lines, its kind sniffed from the bytes; ``name`` only tells Markdown from text."""
    if len(data) > limits.max_bytes:
        raise ExtractError("too_large", f"the file has {len(data)} bytes, over the limit of {limits.max_bytes}")
    kind = sniff(data, name)
    if kind == "pdf":
        from screener.extract.pdf import extract_pdf  # pdfminer is slow to import; only PDFs need it

        return extract_pdf(data, limits)
    if kind == "docx":
        return extract_docx(data, limits)
    return extract_text(data, markdown=kind == "markdown")


def extract_file(path: Path, limits: Limits = Limits()) -> Document:
    """:func:`extract` on a file, refusing an oversized one before reading it."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ExtractError("unreadable", f"{path} is not a regular file")
        if info.st_size > limits.max_bytes:
            raise ExtractError("too_large", f"{path.name} has {info.st_size} bytes, over the limit of "
                               f"{limits.max_bytes}")
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)  # the file may grow between stat and read
    except OSError as exc:
        raise ExtractError("unreadable", f"{path}: {exc.strerror or exc}") from exc
    return extract(data, path.name, limits)
