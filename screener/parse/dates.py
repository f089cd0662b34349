"""The date grammar: find date ranges in a line and normalise them to inclusive month indexes.

Handles month names (``Jan 2019``, ``January 2019``, ``Mar. 2020``, ``APR 2021``), numeric forms
(``01/2019``, ``01.2019``, ``2019-01``, ``2019/01``, ``2019-01-15``), bare years (coarse), open ends
(``Present``, ``Current``, ``Now``, ``to date``, ``ongoing``, ``since …``), and Solar Hijri dates
(``Mehr 1398``, ``1395/07``, Persian digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jdatetime

from screener.model import DateRange, month_index

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_JALALI_MONTHS = {
    "farvardin": 1, "ordibehesht": 2, "khordad": 3, "tir": 4, "mordad": 5, "amordad": 5,
    "shahrivar": 6, "mehr": 7, "aban": 8, "azar": 9, "dey": 10, "bahman": 11, "esfand": 12,
    # the same months in Persian script
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5, "شهریور": 6,
    "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}
_LEADERS = re.compile(r"\.{3,}|…+")
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
               r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_JALALI_NAME = "(?:" + "|".join(_JALALI_MONTHS) + ")"
ANY_MONTH = f"(?:{MONTH_NAME}|{_JALALI_NAME})"  # Gregorian or Solar Hijri month name
_YEAR = r"(?:19[5-9]\d|20\d\d|1[34]\d\d)"  # Gregorian 1950–2099, Solar Hijri 1300–1499
_MM = r"(?:0?[1-9]|1[0-2])"

# One point in time. Named groups say which form matched.
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_DATE = (
    rf"(?:(?P<{{p}}mname>{MONTH_NAME}|{_JALALI_NAME})[\s,\-/]*(?:{_DAY}(?:st|nd|rd|th)?,?\s+)?"
    rf"(?:(?P<{{p}}myear>{_YEAR})|['’](?P<{{p}}myy>\d\d))"
    rf"|(?:{_DAY}(?:st|nd|rd|th)?\s+)(?P<{{p}}dmname>{MONTH_NAME})[\s,]+(?P<{{p}}dmyear>{_YEAR})"
    rf"|(?P<{{p}}ymyear>{_YEAR})\s?[-/.]\s?(?P<{{p}}ymmonth>{_MM})(?:[-/.]\d{{{{1,2}}}})?(?!\d)"
    rf"|(?:{_DAY}[/.\-])?(?P<{{p}}mymonth>{_MM})\s?[/.\-]\s?(?P<{{p}}myyear>{_YEAR})"
    rf"|(?P<{{p}}year>{_YEAR}))(?![\d/])"
)
_OPEN = (r"(?P<open>(?:the\s+)?present(?:\s+day)?|current(?:ly)?|now|today|to\s*date|date|ongoing|"
         r"(?:till|until|up\s+to)\s+(?:now|today|date)|on-?going|onwards?|heute|actual)")
_SEP = r"\s*(?:[-–—‒―~\u00ad\u2010\u2011\u2212]+|\bto(?:\b|(?=present))|\buntil\b|\btill\b|\bthrough\b|\bthru\b|→)\s*"

_RANGE = re.compile(
    r"(?<![\w/.])(?:(?P<since>since|from|seit)\s+)?" + _DATE.format(p="a_")
    + r"(?:" + _SEP + r"(?:" + _OPEN + r"|" + _DATE.format(p="b_") + r")"
    + r"|\s+(?P<onwards>onwards?|and\s+ongoing)"  # '04/2025 onwards'
    + r"|\s*(?P<dangling>[-–—‒―])\s*(?=\t|\s{2}|$)"  # '2024-05 —' with nothing after: still open
    + r")?(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Found:
    """A date range found in a line, with the character span it occupies."""

    range: DateRange
    start: int
    end: int


def _point(m: re.Match[str], p: str) -> tuple[int, int | None, bool]:
    """(year, month or None, jalali?) of one matched date."""
    g = m.groupdict()
    if g[p + "dmname"]:
        return int(g[p + "dmyear"]), _MONTHS[g[p + "dmname"].lower()[:3]], False
    if g[p + "mname"]:
        name = g[p + "mname"].lower().rstrip(".")
        year = int(g[p + "myear"]) if g[p + "myear"] else 2000 + int(g[p + "myy"])
        if name in _JALALI_MONTHS:
            return year, _JALALI_MONTHS[name], True
        return year, _MONTHS[name[:3]], year < 1500
    if g[p + "ymyear"]:
        year = int(g[p + "ymyear"])
        return year, int(g[p + "ymmonth"]), year < 1500
    if g[p + "myyear"]:
        year = int(g[p + "myyear"])
        return year, int(g[p + "mymonth"]), year < 1500
    year = int(g[p + "year"])
    return year, None, year < 1500


def _jalali_to_month(year: int, month: int) -> int:
    """The Gregorian month holding most of the days of a Solar Hijri month."""
    mid = jdatetime.date(year, month, 15).togregorian()
    return month_index(mid.year, mid.month)


def _to_month(year: int, month: int | None, jalali: bool, *, is_start: bool) -> int:
    """Month index of a point; a bare year is taken at mid-year (July for a start, June for an end)."""
    if jalali:
        if month is None:  # the Iranian academic/fiscal mid-year: Mehr … Shahrivar
            return _jalali_to_month(year, 7) if is_start else _jalali_to_month(year, 6)
        return _jalali_to_month(year, month)
    if month is None:
        return month_index(year, 7 if is_start else 6)
    return month_index(year, month)


def find_ranges(text: str, as_of: int) -> list[Found]:
    """Every date range in ``text``; ``as_of`` (a month index) is what 'Present' means.

    A single date without an end counts only when something says it is open: 'since'/'from' before
    it, 'onwards' after it, or a dash with nothing after it ('2024-05 —', as some templates print a
    missing end date). A lone 'June 2015' is a date, not a period, and is ignored.
    """
    # Persian digits → ASCII, and dot leaders ('Engineer.......Feb 2023') → blanks; lengths are kept,
    # so the spans found index the original text
    normalised = _LEADERS.sub(lambda m: " " * len(m.group(0)), text.translate(_DIGITS))
    found: list[Found] = []
    for m in _RANGE.finditer(normalised):
        g = m.groupdict()
        is_open = bool(g["open"] or g["onwards"] or g["dangling"])
        has_end = is_open or any(g[k] for k in ("b_mname", "b_dmname", "b_ymyear", "b_myyear", "b_year"))
        if not has_end and not g["since"]:
            continue
        y1, m1, j1 = _point(m, "a_")
        if j1 and not (1300 <= y1 < 1500):
            continue
        start = _to_month(y1, m1, j1, is_start=True)
        coarse = m1 is None
        ongoing = not has_end or is_open
        if ongoing:
            end = as_of
        else:
            y2, m2, j2 = _point(m, "b_")
            end = _to_month(y2, m2, j2, is_start=False)
            coarse = coarse or m2 is None
            if m1 is None and m2 is None and y1 == y2:  # '2019 – 2019': the whole year
                start, end = month_index(y1, 1), month_index(y1, 12)
        end = min(end, as_of)
        if end < start:
            continue
        found.append(Found(DateRange(start=start, end=end, text=m.group(0).strip(), ongoing=ongoing,
                                     coarse=coarse, calendar="jalali" if j1 else "gregorian"),
                           m.start(), m.end()))
    return found
