"""Whole-word phrase patterns for the word lists of the rules file (role words, keywords)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def phrase_pattern(phrases: Iterable[str], case_sensitive: bool = False) -> re.Pattern[str]:
    """Any of the phrases as whole words; spaces and hyphens are interchangeable ('fan-out' = 'fan out')."""
    bodies = sorted((r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", p.strip())) for p in phrases),
                    key=len, reverse=True)  # longest first: 'site reliability' before 'site'
    return re.compile(r"(?<!\w)(?:" + "|".join(bodies) + r")(?!\w)", 0 if case_sensitive else re.IGNORECASE)
