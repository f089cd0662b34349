"""Doubts about a CV's dates, reported as warnings in its row: a range written backwards (not counted)
and a 'Present' in a CV that looks years old (still counted to the as-of date)."""

from __future__ import annotations

import re

from screener.model import Line, Position, month_label
from screener.parse.dates import find_dates, reversed_ranges, updated_date

STALE_AFTER_UPDATE = 12  # months: 'Last updated' this long before the as-of date makes a 'Present' doubtful
STALE_AFTER_NEWEST = 96  # months: with no such line, the newest date of the CV must be this old
_TWO_NUMBERS = re.compile(r"\d.*\d")  # a line without two digits holds no range


def date_warnings(lines: tuple[Line, ...], positions: tuple[Position, ...], as_of: int) -> tuple[str, ...]:
    """'reversed_range: …' for each range that ends before it starts, and 'stale_present: …' when a
    position is open but the CV says it was last updated, or its newest date is, years before ``as_of``."""
    warnings = [f"reversed_range: '{text}' (line {line.number}) ends before it starts, so it is not counted"
                for line in lines if _TWO_NUMBERS.search(line.text)
                for text in reversed_ranges(line.text, as_of)]
    open_ = next((p for p in positions if p.dates.ongoing), None)
    if open_ is not None:
        updated = max((d for line in lines if (d := updated_date(line.text, as_of)) is not None), default=None)
        if updated is not None:
            newest, what, stale = updated, "says it was last updated", updated <= as_of - STALE_AFTER_UPDATE
        else:
            newest = max((d for line in lines for d in find_dates(line.text, as_of)), default=as_of)
            what, stale = "has no date after", newest <= as_of - STALE_AFTER_NEWEST
        if stale:
            warnings.append(
                f"stale_present: the CV {what} {month_label(newest)}, {(as_of - newest) // 12} years before "
                f"{month_label(as_of)}, yet '{open_.dates.text}' is open; it is counted to {month_label(as_of)}: "
                "check that the CV is current")
    return tuple(warnings)
