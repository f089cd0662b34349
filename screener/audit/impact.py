"""Adverse-impact figures from a report and a demographics file, as a bias audit asks for them.

Per category: applicants, selected, selection rate, impact ratio (the rate ÷ the highest category's
rate), scoring rate (the share scoring above the median score of all applicants) and scoring impact
ratio. Ratios under 0.8 (the four-fifths rule) are flagged. A category under 2 % of applicants gets a
small-sample mark; its ratios are shown but it never serves as the reference (highest) rate. Blank
and 'unknown' cells form an "Unknown" category, counted but given no ratios.

The figures are for an auditor to read; they are not an audit.
"""

from __future__ import annotations

import csv
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from screener.errors import ScreenerError

FOUR_FIFTHS = 0.8
SMALL_SHARE = 0.02
UNKNOWN = "Unknown"
KEY_COLUMNS = ("sha256", "file")  # the first one present is the key
SELECTIONS = {"pass": ("pass",), "pass+review": ("pass", "review")}


@dataclass(frozen=True)
class Group:
    """The figures of one category (or intersection of categories)."""

    category: str
    applicants: int
    selected: int
    above_median: int
    share: float  # of all applicants
    selection_rate: float | None
    impact_ratio: float | None
    scoring_rate: float | None
    scoring_impact_ratio: float | None

    @property
    def unknown(self) -> bool:
        return self.category == UNKNOWN

    @property
    def small(self) -> bool:
        return not self.unknown and self.share < SMALL_SHARE

    @property
    def flags(self) -> tuple[str, ...]:
        flags = []
        if self.impact_ratio is not None and self.impact_ratio < FOUR_FIFTHS:
            flags.append("impact ratio < 0.8")
        if self.scoring_impact_ratio is not None and self.scoring_impact_ratio < FOUR_FIFTHS:
            flags.append("scoring impact ratio < 0.8")
        if self.small:
            flags.append("small sample (< 2% of applicants)")
        if self.unknown:
            flags.append("not used for ratios")
        return tuple(flags)


@dataclass(frozen=True)
class Impact:
    by: tuple[str, ...]
    selected_verdicts: tuple[str, ...]
    applicants: int
    median_score: float | None
    groups: tuple[Group, ...]
    left_out: int  # candidates that could not be screened (status 'error'): not applicants


Row = tuple[int, str, list[str]]  # a demographics row: its line, its key, its category cells


def read_demographics(path: Path, by: Sequence[str] | None) -> tuple[str, list[str], list[Row]]:
    """The key column, the category columns and ``(line, key, values)`` per row; errors name the line."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = [c.strip() for c in reader.fieldnames or []]
            key = next((k for k in KEY_COLUMNS if k in columns), None)
            if key is None:
                raise ScreenerError(f"{path}: needs a column named 'file' or 'sha256' to join on "
                                    f"(columns: {', '.join(columns) or 'none'})")
            others = [c for c in columns if c not in KEY_COLUMNS]
            categories = list(by) if by else others
            missing = [c for c in categories if c not in columns]
            if missing:
                raise ScreenerError(f"{path}: no column {', '.join(map(repr, missing))} "
                                    f"(columns: {', '.join(columns)})")
            if not categories:
                raise ScreenerError(f"{path}: no category column besides '{key}'")
            if len(categories) > 1 and not by:
                raise ScreenerError(f"{path} has several category columns ({', '.join(categories)}): choose "
                                    f"one with --by {categories[0]}, or two for their intersections with "
                                    f"--by {categories[0]},{categories[1]}")
            rows = []
            for raw in reader:
                row = {(k or "").strip(): (v or "") for k, v in raw.items()}
                rows.append((reader.line_num, row[key].strip(), [row[c].strip() for c in categories]))
    except OSError as exc:
        raise ScreenerError(f"cannot read '{path}': {exc.strerror or exc}") from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise ScreenerError(f"{path}: not a readable CSV file ({exc})") from None
    return key, categories, rows


def _category(values: Sequence[str]) -> str:
    if any(not v or v.lower() == UNKNOWN.lower() for v in values):
        return UNKNOWN
    return " × ".join(values)


def join(report: dict[str, Any], path: Path, by: Sequence[str] | None) -> tuple[list[str], dict[str, str]]:
    """The category columns, and each candidate's category by its report ``file`` (absent: Unknown)."""
    key, categories, rows = read_demographics(path, by)
    candidates = {(c.get(key) or "").lower() if key == "sha256" else c.get(key): c["file"]
                  for c in report.get("candidates", [])}
    seen: dict[str, int] = {}
    found: dict[str, str] = {}
    for line, value, cells in rows:
        lookup = value.lower() if key == "sha256" else value
        if not value:
            raise ScreenerError(f"{path}:{line}: the '{key}' cell is empty")
        if lookup in seen:
            raise ScreenerError(f"{path}:{line}: duplicate {key} '{value}' (also on line {seen[lookup]})")
        seen[lookup] = line
        if lookup not in candidates:
            blind = key == "file" and all(str(f).startswith("cand-") for f in candidates.values())
            hint = " (the report is blind: key the rows by sha256, or by the cand- ids)" if blind else ""
            raise ScreenerError(f"{path}:{line}: {key} '{value}' matches no candidate in the report{hint}")
        found[candidates[lookup]] = _category(cells)
    return categories, found


def impact(report: dict[str, Any], demographics: Path, by: Sequence[str] | None = None,
           selected: str = "pass") -> Impact:
    """The adverse-impact table of a report's screened candidates, grouped by the demographics file."""
    columns, category_of = join(report, demographics, by)
    verdicts = SELECTIONS[selected]
    screened = [c for c in report.get("candidates", []) if c.get("status") == "ok"]
    scores = [float(c["score"]) for c in screened if c.get("score") is not None]
    median = statistics.median(scores) if scores else None
    counts: dict[str, list[int]] = {}
    for c in screened:
        group = counts.setdefault(category_of.get(c["file"], UNKNOWN), [0, 0, 0])
        group[0] += 1
        group[1] += c.get("verdict") in verdicts
        group[2] += median is not None and c.get("score") is not None and float(c["score"]) > median
    total = len(screened)

    def rate(part: int, whole: int) -> Fraction | None:  # exact, so that 0.6 / 0.75 is 0.8, not 0.79999
        return Fraction(part, whole) if whole else None

    def ratio(value: Fraction | None, best: Fraction) -> float | None:
        return None if value is None or not best else float(value / best)

    known = {k: v for k, v in counts.items() if k != UNKNOWN}
    reference = {k: v for k, v in known.items() if v[0] / total >= SMALL_SHARE} or known
    best_selection = max((Fraction(v[1], v[0]) for v in reference.values()), default=Fraction(0))
    best_scoring = max((Fraction(v[2], v[0]) for v in reference.values()), default=Fraction(0))
    groups = []
    for name in sorted(counts, key=lambda k: (k == UNKNOWN, k)):
        applicants, chosen, above = counts[name]
        selection_rate, scoring_rate = rate(chosen, applicants), rate(above, applicants)
        known_group = name != UNKNOWN
        groups.append(Group(
            name, applicants, chosen, above, applicants / total,
            None if selection_rate is None else float(selection_rate),
            ratio(selection_rate, best_selection) if known_group else None,
            None if scoring_rate is None else float(scoring_rate),
            ratio(scoring_rate, best_scoring) if known_group else None))
    left_out = len(report.get("candidates", [])) - total
    return Impact(tuple(columns), verdicts, total, median, tuple(groups), left_out)
