"""Parsing: :class:`~screener.model.Document` → :class:`~screener.model.Resume`."""

from __future__ import annotations

from screener.model import Document, Resume
from screener.parse.date_checks import date_warnings
from screener.parse.positions import find_positions
from screener.parse.sections import split_sections
from screener.parse.stated import stated_positions
from screener.parse.vocabulary import Vocabulary, default_vocabulary
from screener.parse.wordlists import VOCABULARY_VERSION

# Both key the parse cache: bump PARSER_VERSION when the mechanisms change what a document parses to;
# VOCABULARY_VERSION follows the word-list files by itself (a digest of them).
PARSER_VERSION = 3
__all__ = ["PARSER_VERSION", "VOCABULARY_VERSION", "parse"]


def parse(document: Document, as_of: int, vocab: Vocabulary | None = None) -> Resume:
    """Sections and dated positions of a document; ``as_of`` (a month index) is what 'Present' means.
    ``vocab`` (headings, title words) defaults to the one shipped in the package."""
    vocab = vocab or default_vocabulary()
    sections = split_sections(document.lines, vocab)
    if document.positions is None:
        positions, warnings = find_positions(sections, as_of, vocab)
    else:  # stated by the format (JSON Resume): nothing to guess
        positions, warnings = stated_positions(document, document.positions, sections, as_of), ()
    warnings += date_warnings(document.lines, positions, as_of)
    return Resume(sections=sections, positions=positions, lines=document.lines, warnings=warnings)
