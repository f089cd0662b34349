"""Bounds on the work one document may cause, and how a PDF is read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BackendName = Literal["auto", "pdfium", "pdfminer"]  # --pdf-backend


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one document may cause, and the PDF backend (user-settable on the command line)."""

    max_bytes: int = 20_000_000  # file size
    max_chars: int = 500_000  # extracted text; a CV has a few thousand characters
    max_pages: int = 100  # PDF pages; academic CVs run to dozens of pages, and --timeout bounds the work
    max_inflated_bytes: int = 50 * 1024 * 1024  # DOCX: total uncompressed size of the parts read
    max_chars_per_page: int = 20_000  # PDF: text runs beyond this on one page are not laid out
    pdf_backend: BackendName = "auto"  # pdfium, falling back to pdfminer (see pdf_backend.AutoBackend)
