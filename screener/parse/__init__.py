"""Parsing: :class:`~screener.model.Document` → :class:`~screener.model.Resume`."""

from __future__ import annotations

from screener.model import Document, Resume
from screener.parse.positions import find_positions
from screener.parse.sections import split_sections

# Both key the parse cache: bump PARSER_VERSION when the mechanisms change what a document parses to,
# VOCABULARY_VERSION when the word lists do (headings, month names, present-words, title words).
PARSER_VERSION = 1
VOCABULARY_VERSION = 1


def parse(document: Document, as_of: int) -> Resume:
    """Sections and dated positions of a document; ``as_of`` (a month index) is what 'Present' means."""
    sections = split_sections(document.lines)
    return Resume(sections=sections, positions=find_positions(sections, as_of), lines=document.lines)
