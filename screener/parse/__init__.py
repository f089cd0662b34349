"""Parsing: :class:`~screener.model.Document` → :class:`~screener.model.Resume`.

The stages are imported when a document is parsed, not with the package: a run whose parses all come
from the cache never loads the date grammar or the word lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.model import Document, Resume

if TYPE_CHECKING:
    from screener.parse.vocabulary import Vocabulary

# Keys the parse cache: bump PARSER_VERSION when the mechanisms change what a document parses to (the
# cache key also digests this package's source and the word-list files, see screener.cache.keys).
PARSER_VERSION = 20
__all__ = ["PARSER_VERSION", "parse"]


def parse(document: Document, as_of: int, vocab: Vocabulary | None = None) -> Resume:
    """Sections and dated positions of a document; ``as_of`` (a month index) is what 'Present' means.
    ``vocab`` (headings, title words) defaults to the one shipped in the package."""
    from screener.parse.date_checks import date_warnings
    from screener.parse.positions import find_positions
    from screener.parse.sections import split_sections
    from screener.parse.stated import stated_positions
    from screener.parse.vocabulary import default_vocabulary

    vocab = vocab or default_vocabulary()
    sections = split_sections(document.lines, vocab)
    if document.positions is None:
        positions, warnings = find_positions(sections, as_of, vocab)
    else:  # stated by the format (JSON Resume): nothing to guess
        positions, warnings = stated_positions(document, document.positions, sections, as_of), ()
    warnings += date_warnings(document.lines, positions, as_of)
    return Resume(sections=sections, positions=positions, lines=document.lines, warnings=warnings)
