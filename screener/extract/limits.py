"""Bounds on the work one document may cause."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one document may cause (user-settable on the command line)."""

    max_bytes: int = 20_000_000  # file size
    max_chars: int = 500_000  # extracted text; a CV has a few thousand characters
    max_pages: int = 30  # PDF pages
    max_inflated_bytes: int = 50 * 1024 * 1024  # DOCX: total uncompressed size of the parts read
    max_chars_per_page: int = 20_000  # PDF: text runs beyond this on one page are not laid out
