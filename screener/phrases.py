"""Whole-word phrase patterns for the word lists of the rules file (role words, keywords)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def phrase_body(phrase: str) -> str:
    """The regex of one phrase, in which spaces and hyphens are interchangeable ('fan-out' = 'fan out')."""
    return r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", phrase.strip()))


def phrase_pattern(phrases: Iterable[str], case_sensitive: bool = False) -> re.Pattern[str]:
    """Any of the phrases as whole words; spaces and hyphens are interchangeable ('fan-out' = 'fan out')."""
    bodies = sorted(map(phrase_body, phrases), key=len, reverse=True)  # longest first: 'site reliability' first
    return whole_words(bodies, case_sensitive)


def whole_words(bodies: Iterable[str], case_sensitive: bool = False) -> re.Pattern[str]:
    """Alternatives (tried in the order given) that match only as whole words."""
    return re.compile(r"(?<!\w)(?:" + "|".join(bodies) + r")(?!\w)", 0 if case_sensitive else re.IGNORECASE)
