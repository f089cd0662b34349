"""Parsing: :class:`~screener.model.Document` → :class:`~screener.model.Resume`."""

from __future__ import annotations

from screener.model import Document, Resume
from screener.parse.positions import find_positions
from screener.parse.sections import split_sections
from screener.parse.vocabulary import Vocabulary, default_vocabulary

# Both key the parse cache: bump PARSER_VERSION when the mechanisms change what a document parses to,
# VOCABULARY_VERSION when the word lists do (headings, month names, present-words, title words).
PARSER_VERSION = 2
VOCABULARY_VERSION = 2


def parse(document: Document, as_of: int, vocab: Vocabulary | None = None) -> Resume:
    """Sections and dated positions of a document; ``as_of`` (a month index) is what 'Present' means.
    ``vocab`` (headings, title words) defaults to the one shipped in the package."""
    vocab = vocab or default_vocabulary()
    sections = split_sections(document.lines, vocab)
    positions, warnings = find_positions(sections, as_of, vocab)
    return Resume(sections=sections, positions=positions, lines=document.lines, warnings=warnings)
