"""The date grammar: find date ranges in a line and normalise them to inclusive month indexes.

The forms: a month name and year (``Jan 2019``, ``1. März 2019``, ``января 2019 г.``, ``Sept ’17``),
numbers (``01/2019``, ``01.2019``, ``2019-01``, ``2016 / 09``, ``2019-01-15``), CJK marks
(``2019年7月``, ``2019년 7월``), seasons (``Fall 2014``), school years (``2015/16``: September to August),
bare years (coarse) and apostrophe years (``’19``), Solar Hijri dates (``Mehr 1398``, ``1395/07``), with Persian
and full-width digits. Open ends ('Present', 'heute', '至今', 'по настоящее время', 'since …', '… onwards', a
dangling dash), and the words for joining and leaving after a date ('2015年4月 入社').

The words of every language come from the vocabulary files (:mod:`screener.parse.wordlists`); this module
is the grammar that puts them together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import jdatetime

from screener.model import DateRange, month_index
from screener.parse.wordlists import fold, months, open_ends, seasons

# Persian and Arabic-Indic digits, and full-width digits and punctuation (Chinese, Japanese, Korean),
# one character for one so that spans found in the normalised text index the original
_NARROW = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩０１２３４５６７８９．／－～〜（）：　，",
                        "01234567890123456789" "0123456789" "./-~~(): ,")
_LEADERS = re.compile(r"\.{3,}|…+")
_YEARISH = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d|1[34]\d\d)(?!\d)|['’‘`´]\d\d"
                      r"|(?<![\d/.])[01]?\d/\d\d(?![\d/])|(?<![\d.])[01]\d\.\d\d(?![\d.])")  # … or '01/19', '03.19'
_LEAD = 48  # characters: the most a range's words may take before its first year


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` as written or without accents, the longest it can; spaces are
    any spacing. Built as a trie ('ma(?:r(?:ch|s|zo)?|y)'): hundreds of month names stay fast to try."""
    trie: dict[str, dict] = {}
    for form in {w for word in words for w in (word.lower(), fold(word))}:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"


def _words_of(calendar: dict[str, dict[int, list[str]]]) -> dict[str, int]:
    """Each written form of a month name → its number."""
    return {w: month for names in calendar.values() for month, words in names.items() for w in words}


_MONTH_WORDS, _JALALI_WORDS = _words_of(months().gregorian), _words_of(months().jalali)
_SEASON_WORDS = {w: (s.start, s.end) for s in seasons().seasons.values() for w in s.words}
# looked up by the folded form ('März', 'marz', 'MÄRZ.' → 3)
_MONTHS = {fold(w): n for w, n in _MONTH_WORDS.items()}
_JALALI_MONTHS = {fold(w): n for w, n in _JALALI_WORDS.items()}
_SEASONS = {fold(w): n for w, n in _SEASON_WORDS.items()}
_LONE_SEASONS = {fold(w) for s in seasons().seasons.values() if s.alone for w in s.words}
_ENDS = open_ends()

# A word character that is not Chinese, Japanese or Korean: those scripts write no spaces, so a date
# may touch their words ('工作时间2019.07至今')
_W = r"[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]"

MONTH_NAME = _alternation(_MONTH_WORDS) + r"\.?"
_JALALI_NAME = _alternation(_JALALI_WORDS)
ANY_MONTH = f"(?:{MONTH_NAME}|{_JALALI_NAME})"  # Gregorian or Solar Hijri month name
_SEASON = _alternation(_SEASON_WORDS)
_YEAR = r"(?:19[5-9]\d|20\d\d|1[34]\d\d)"  # Gregorian 1950–2099, Solar Hijri 1300–1499
_MM = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YY = r"['’‘`´]"  # before a two-digit year: ’19
_YEAR_MARK = _alternation(months().year_marks)
_MONTH_MARK = _alternation(months().month_marks)
_YEAR_SUFFIX = _alternation(months().year_suffixes)
_JOINING_LEAVING = _alternation(_ENDS.joining + _ENDS.leaving)  # '2015年4月 入社'
_JOINER = _alternation(months().month_year_joiners)  # 'enero de 2019'
_MONTH_WORD = _alternation(months().month_words)  # 'Tháng 3/2019'
# Months in Roman numerals, as Polish, Czech and Hungarian CVs write them ('III 2019 – dosud'); capitals only
_ROMAN_MONTHS = {r: n for n, r in enumerate(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"),
                                            1)}
_ROMAN = "|".join(sorted(_ROMAN_MONTHS, key=len, reverse=True))

# One point in time. Named groups say which form matched.
_DATE = (
    rf"(?:(?P<{{p}}mname>{MONTH_NAME}|{_JALALI_NAME})[\s,\-/]*(?:{_DAY}(?:st|nd|rd|th)?,?\s+|{_JOINER}\s+)?"
    rf"(?:(?P<{{p}}myear>{_YEAR})|{_YY}(?P<{{p}}myy>\d\d))"
    rf"|(?:{_DAY}(?:st|nd|rd|th|\.)?\s*)(?P<{{p}}dmname>{MONTH_NAME})[\s,]+(?P<{{p}}dmyear>{_YEAR})"
    rf"|(?P<{{p}}season>{_SEASON})(?:[\s,]+|-)(?:(?P<{{p}}syear>{_YEAR})|{_YY}(?P<{{p}}syy>\d\d))"
    rf"|(?-i:(?P<{{p}}roman>{_ROMAN}))(?:\.\s*|\s+)(?P<{{p}}ryear>{_YEAR})"  # 'III 2019', 'IX.2014'
    rf"|(?P<{{p}}cjyear>{_YEAR})\s*{_YEAR_MARK}\s*(?:(?P<{{p}}cjmonth>{_MM})(?:\s*{_MONTH_MARK}|(?!\d)))?"
    rf"|(?P<{{p}}acyear>{_YEAR})\s?/\s?(?P<{{p}}acnext>{_YEAR}|1[3-9]|[2-9]\d)(?!\d)"  # '2015/16'
    rf"|(?P<{{p}}ymyear>{_YEAR})\s?[-/.]\s?(?P<{{p}}ymmonth>{_MM})(?:[-/.]\d{{{{1,2}}}})?\.?(?!\d)"  # '2019. 03.'
    rf"|(?:{_MONTH_WORD}\s+)?(?:{_DAY}[/.\-])?(?P<{{p}}mymonth>{_MM})\s?[/.\-]\s?(?P<{{p}}myyear>{_YEAR})"
    rf"|(?P<{{p}}year>{_YEAR})"
    rf"|{_YY}(?P<{{p}}yy>\d\d))(?![\d/])(?:\s?(?:{_YEAR_SUFFIX}|{_JOINING_LEAVING})(?!{_W}))?"
)
_OPEN = rf"(?P<{{p}}open>{_alternation(_ENDS.present)})(?!{_W})"
# Forms read only as both ends of a range ('01/19–03/21', '03.19 – heute', '2016 Apr – 2019 Feb'): alone, a
# month and a two-digit year may as well be a day and a month, a score or a version, and a year before a
# word that spells a month in some language ('2019 set up', '2018 may') is a year before a word
# A year and the last two digits of a later one ('2014–15', '2016 - 18'); after a hyphen only past 12, since
# '2019-05' is May 2019
_YEAR_PAIR = (rf"(?P<pair_a>{_YEAR})(?:\s*[–—]\s*|\s*-\s*(?=(?:1[3-9]|[2-9]\d)(?!\d)))(?P<pair_b>\d\d)"
              r"(?![\d/.:\-])")
_SHORT_YEARS_BACK = 50  # how far back a two-digit year of these forms is read
_SHORT = (rf"(?:(?P<{{p}}nm>{_MM})/(?P<{{p}}nyy>\d\d)(?![\d/])|(?P<{{p}}dm>0[1-9]|1[0-2])\.(?P<{{p}}dyy>\d\d)(?![\d.])"
          rf"|(?P<{{p}}ynyear>{_YEAR})\.?[\s,\-]+(?P<{{p}}ynname>{MONTH_NAME})(?!{_W}))")  # '2019. március'
_JOINS = (r"[-–—‒―~\u00ad\u2010\u2011\u2212→]+|\bto(?=present)"
          rf"|(?<!{_W}){_alternation(_ENDS.until)}(?!{_W}):?")  # ':' of a form's label: 'From: 03/2019 To: present'
_SEP = rf"\s*(?:{_JOINS})\s*"
# ... or, between dates with their year in full, a tab or a column's gap of spaces: a start and an end in cells of
# their own ('2021-02<TAB>present', '2016-02    2020-08': From and To columns); '11.25<TAB>11.25' is two numbers
_CELL_SEP = rf"\s*(?:{_JOINS}|\t| {{2,}})\s*"
_SINCE = _alternation(_ENDS.since)
_OPENERS = _alternation(_ENDS.opening)  # read only before a range with an end: a lone 'de 2019' is no period

# A year run into the next word of a PDF line, for want of a space ('Aug 2024Solvelfal Health', '2023UX
# Designer'), or a range into the word before it, as a collapsed tab stop leaves it ('Acme Labs11.2019 —
# 08.2023': read only as a range with an end)
_GLUED = r"(?<=\d)(?=(?-i:[A-Z][a-z]|[A-Z]{2}))"
_GLUED_START = r"(?P<glued>(?<=[^\W\d_]))(?=\d)"
_FULL_YEAR_FIRST = re.compile(r"\d{1,2}\W{1,3}\d{4}|\d{4}")  # ('v1/19 - 2/21' is a version, not a range)

_RANGE = re.compile(
    rf"(?:(?<![/.])(?<!{_W})|{_GLUED_START})(?:(?P<since>{_SINCE})(?:\s*:\s*|\s+)|{_OPENERS}\s+)?(?:" + _YEAR_PAIR
    + "|" + _SHORT.format(p="a_") + _SEP + r"(?:" + _OPEN.format(p="short_") + r"|" + _SHORT.format(p="b_") + r")"
    + "|" + _DATE.format(p="a_")
    + r"(?:" + _CELL_SEP + r"(?:" + _OPEN.format(p="") + r"|" + _DATE.format(p="b_") + r")"
    + rf"|\s*(?P<onwards>{_alternation(_ENDS.onwards)})"  # '04/2025 onwards', '2019年7月起'
    + r"|\s*(?P<dangling>[-–—‒―~])\s*(?=\t|\s{2}|$|[*_|)\]])"  # '2024-05 —' with nothing after: still open
    + rf")?)(?:(?!{_W})|{_GLUED})",
    re.IGNORECASE,
)
_POINT = re.compile(rf"(?<![/.])(?<!{_W})" + _DATE.format(p="a_") + rf"(?!{_W})", re.IGNORECASE)
_UPDATED = re.compile(rf"(?<!{_W}){_alternation(_ENDS.updated)}(?!{_W})\W*", re.IGNORECASE)
_END_GROUPS = ("b_mname", "b_dmname", "b_season", "b_acyear", "b_roman", "b_cjyear", "b_ymyear", "b_myyear",
               "b_year", "b_yy", "b_nyy", "b_dyy", "b_ynyear")


@dataclass(frozen=True)
class Found:
    """A date range found in a line, with the character span it occupies."""

    range: DateRange
    start: int
    end: int


@dataclass(frozen=True)
class _Point:
    year: int
    month: int | None  # None: the year only
    jalali: bool = False
    season: tuple[int, int] | None = None  # first and last month of a season ('Fall 2014')
    school_from: int | None = None  # the first year of school years ('2015/16': September 2015 – August 2016)

    def first(self) -> int:
        """The first month the point stands for (mid-year for a bare year: it starts in July)."""
        if self.season:
            start, end = self.season
            # winter 2015 starts in December 2014; the school year 2015/16 in September 2015
            return month_index(self.school_from or self.year - (start > end), start)
        if self.jalali:  # the Iranian academic/fiscal year runs Mehr … Shahrivar
            return _jalali_to_month(self.year, self.month or 7)
        return month_index(self.year, self.month or 7)

    def by_year(self) -> bool:
        """Whether the point gives years only (a bare year, school years), its months assumed."""
        return self.month is None and (self.season is None or self.school_from is not None)

    def last(self) -> int:
        """The last month the point stands for (mid-year for a bare year: it ends in June)."""
        if self.season:
            return month_index(self.year, self.season[1])
        if self.jalali:
            return _jalali_to_month(self.year, self.month or 6)
        return month_index(self.year, self.month or 6)


_SCHOOL_YEAR = (9, 8)  # '2015/16' and '2015/2016' are school years: September 2015 to August 2016


def _school_years(point: _Point) -> bool:
    """Whether a point is school years that read as such: 'A/B' with B after A, at most a decade later."""
    return point.school_from is not None and point.school_from < point.year <= point.school_from + 10


def _school_year(point: _Point) -> bool:
    """One school year ('2015/16'): a period of its own, as a season is. Alone, 'A/B' further apart is
    as likely two versions ('Windows Server 2008/2012') as a span."""
    return point.school_from is not None and point.year == point.school_from + 1


def _century(yy: str, as_of: int) -> int:
    """'’19' → 2019 and '’98' → 1998: the latest year not after next year."""
    year = 2000 + int(yy)
    return year if year <= as_of // 12 + 1 else year - 100


def _point(m: re.Match[str], p: str, as_of: int) -> _Point:
    """The date matched by the groups prefixed ``p``."""
    g = m.groupdict()
    if g.get(p + "nyy"):
        return _Point(_century(g[p + "nyy"], as_of), int(g[p + "nm"]))
    if g.get(p + "dyy"):
        return _Point(_century(g[p + "dyy"], as_of), int(g[p + "dm"]))
    if g.get(p + "ynyear"):
        year = int(g[p + "ynyear"])
        return _Point(year, _MONTHS[fold(g[p + "ynname"]).rstrip(".")], year < 1500)
    if g[p + "dmname"]:
        return _Point(int(g[p + "dmyear"]), _MONTHS[fold(g[p + "dmname"]).rstrip(".")])
    if g[p + "mname"]:
        name = fold(g[p + "mname"]).rstrip(".")
        year = int(g[p + "myear"]) if g[p + "myear"] else _century(g[p + "myy"], as_of)
        if name in _JALALI_MONTHS:
            return _Point(year, _JALALI_MONTHS[name], True)
        return _Point(year, _MONTHS[name], year < 1500)
    if g[p + "roman"]:
        return _Point(int(g[p + "ryear"]), _ROMAN_MONTHS[g[p + "roman"]])
    if g[p + "season"]:
        year = int(g[p + "syear"]) if g[p + "syear"] else _century(g[p + "syy"], as_of)
        return _Point(year, None, season=_SEASONS[fold(g[p + "season"])])
    if g[p + "acyear"]:
        first, last = int(g[p + "acyear"]), g[p + "acnext"]
        return _Point(int(last) if len(last) == 4 else first - first % 100 + int(last), None, season=_SCHOOL_YEAR,
                      school_from=first)
    for y, mo in (("cjyear", "cjmonth"), ("ymyear", "ymmonth"), ("myyear", "mymonth")):
        if g[p + y]:
            year = int(g[p + y])
            return _Point(year, int(g[p + mo]) if g[p + mo] else None, year < 1500)
    if g[p + "yy"]:
        return _Point(_century(g[p + "yy"], as_of), None)
    year = int(g[p + "year"])
    return _Point(year, None, year < 1500)


def _jalali_to_month(year: int, month: int) -> int:
    """The Gregorian month holding most of the days of a Solar Hijri month."""
    mid = jdatetime.date(year, month, 15).togregorian()
    return month_index(mid.year, mid.month)


def _normalised(text: str) -> str:
    """Persian and full-width digits → ASCII, dot leaders ('Engineer.......Feb 2023') → blanks; same length."""
    return _LEADERS.sub(lambda m: " " * len(m.group(0)), text.translate(_NARROW))


def _year_pair(m: re.Match[str], as_of: int) -> Found | None:
    """'2014–15' as the coarse range 2014 – 2015; None when the second year is not later ('2019–05')."""
    first = int(m["pair_a"])
    last = first - first % 100 + int(m["pair_b"])
    if last <= first or first < 1500 or _Point(first, None).first() > as_of:  # (Solar Hijri years: no)
        return None
    start, end = _Point(first, None).first(), min(_Point(last, None).last(), as_of)
    return Found(DateRange(start, end, m.group(0).strip(), coarse=True), m.start(), m.end())


def _scan(text: str, as_of: int) -> Iterator[tuple[Found, bool]]:
    """Every range in ``text``, and whether it ends before it starts (as written, before 'Present')."""
    normalised = _normalised(text)
    year = _YEARISH.search(normalised)
    if year is None:  # every range has a year: most lines of a CV are passed over here
        return
    # a range starts at most a few words before its first year ('since 1st September, 2019')
    for m in _RANGE.finditer(normalised, max(0, year.start() - _LEAD)):
        g = m.groupdict()
        if g["pair_a"]:
            if pair := _year_pair(m, as_of):
                yield pair, False
            continue
        is_open = bool(g["open"] or g["short_open"] or g["onwards"] or g["dangling"])
        has_end = is_open or any(g[k] for k in _END_GROUPS)
        if g["glued"] is not None and not (has_end and not g["since"] and not g["dangling"]
                                           and _FULL_YEAR_FIRST.match(m.group(0))):
            continue
        a = _point(m, "a_", as_of)
        if a.school_from is not None and not _school_years(a):
            continue
        named = bool(g["a_season"]) and g["a_season"][0].isupper() and fold(g["a_season"]) in _LONE_SEASONS
        lone_season = a.season is not None and not has_end and not g["since"] and (named or _school_year(a))
        if not has_end and not g["since"] and not lone_season:
            continue
        if a.jalali and not (1300 <= a.year < 1500):
            continue
        if (g["a_nyy"] or g["a_dyy"]) and a.year < as_of // 12 - _SHORT_YEARS_BACK:
            continue  # '10.50 – 12.99' is a price or a score more likely than October 1950
        start, end = a.first(), a.last() if lone_season else as_of
        coarse = a.by_year()
        ongoing = not lone_season and (not has_end or is_open)
        if has_end and not is_open:
            b = _point(m, "b_", as_of)
            if b.school_from is not None and not _school_years(b):
                continue
            end = b.last()
            coarse = coarse or b.by_year()
            if a.year == b.year and not (a.jalali or b.jalali) and not (a.season or b.season):
                if a.month is None:  # '2019 – Mar 2019', '2019 – 2019': from January
                    start = month_index(a.year, 1)
                if b.month is None:  # 'Mar 2019 – 2019': to December
                    end = month_index(b.year, 12)
        if end < start:
            yield Found(DateRange(start, end, m.group(0).strip()), m.start(), m.end()), True
            continue
        end = min(end, as_of)
        if end < start:  # starts after the as-of date
            continue
        yield Found(DateRange(start=start, end=end, text=m.group(0).strip(), ongoing=ongoing, coarse=coarse,
                              calendar="jalali" if a.jalali else "gregorian"), m.start(), m.end()), False


def find_ranges(text: str, as_of: int) -> list[Found]:
    """Every date range in ``text``; ``as_of`` (a month index) is what 'Present' means.

    A single date without an end counts only when something says it is open: 'since'/'from' before
    it, 'onwards' after it, or a dash with nothing after it ('2024-05 —', as some templates print a
    missing end date). A lone 'June 2015' is a date, not a period, and is ignored; a lone season
    ('Summer 2019') is a period of its own. A range that ends before it starts is not a period
    (:func:`reversed_ranges` finds those).
    """
    return [found for found, backwards in _scan(text, as_of) if not backwards]


# A line opened by a range or a single date, then a dash and a name ('2014 - 2016 - Acme GmbH')
_OPENING = re.compile(rf"^[\s{re.escape('•·▪*')}]*(?P<date>.+?)\s+[-–—]\s+(?=[^\W\d_])")


def opening_date(text: str, as_of: int) -> Found | None:
    """A single month ('2016 / 09', 'Sep 2016') that opens ``text`` and is set apart from a name by a
    dash: '2016 / 09 - University of Bremen', where the template prints the range '2014 - 2016 - Acme'
    the same way and leaves out an end it does not have. Returned as a range open to ``as_of``; whether
    it is one is for the caller (:mod:`screener.parse.positions`) to decide from the other entries."""
    m = _OPENING.match(_normalised(text))
    return None if m is None else _open_from(m["date"], m.start("date"), as_of)


def closing_date(text: str, as_of: int) -> Found | None:
    """A single month that ends ``text``, after a name: 'Acme | Lead<TAB>May 2026', where the template
    prints the range 'Feb 2021 — Apr 2026' there and leaves out an end it does not have. Open to
    ``as_of``, as :func:`opening_date`."""
    normalised = _normalised(text)
    points = list(_POINT.finditer(normalised))
    last = points[-1] if points else None
    if last is None or normalised[last.end():].strip() or not normalised[:last.start()].strip() \
            or not normalised[last.start() - 1].isspace():
        return None
    return _open_from(last.group(0), last.start(), as_of)


def _open_from(date_text: str, at: int, as_of: int) -> Found | None:
    """``date_text`` (at ``at`` in its line), a single month and no range, as a range open to ``as_of``."""
    if find_ranges(date_text, as_of) or (point := _POINT.fullmatch(date_text.strip())) is None:
        return None
    p = _point(point, "a_", as_of)
    if p.month is None or p.season or p.first() > as_of:
        return None
    return Found(DateRange(p.first(), as_of, date_text.strip(), ongoing=True,
                           calendar="jalali" if p.jalali else "gregorian"), at, at + len(date_text))


def reversed_ranges(text: str, as_of: int) -> list[str]:
    """The ranges in ``text`` written with their end before their start ('Jun 2021 – Jan 2019')."""
    return [found.range.text for found, backwards in _scan(text, as_of) if backwards]


def find_dates(text: str, as_of: int) -> list[int]:
    """The month index of every single date in ``text`` (the last month of a bare year or a season)."""
    normalised = _normalised(text)
    if not _YEARISH.search(normalised):
        return []
    return [_point(m, "a_", as_of).last() for m in _POINT.finditer(normalised)]


def updated_date(text: str, as_of: int) -> int | None:
    """The date a line says the CV was last edited ('Last updated: January 2015'), if it says so."""
    normalised = _normalised(text)
    for m in _UPDATED.finditer(normalised):
        point = _POINT.match(normalised, m.end())
        if point:
            return _point(point, "a_", as_of).last()
    return None


# A line that ends inside a range: 'June 2022 –', 'Sep. 2016 – May' (its year wrapped to the next line)
# ... or the first word or two of an open end ('04.2026 - по' / 'настоящее время')
_OPEN_TAIL = re.compile(rf"(?:\d{{2}}\.?|{_YEAR_MARK}|{_MONTH_MARK})\s*(?:[-–—‒―~\u00ad]|\bto)\s*"
                        rf"(?:{ANY_MONTH}|(?:[^\W\d_]+\.?\s*){{1,2}})?\s*$", re.IGNORECASE)
# A line that ends with a month name or a CJK year: the rest of the date is on the next ('(may.' / '2022 – …')
_CUT_START = re.compile(rf"(?<!{_W})(?:{ANY_MONTH}|{_YEAR}\s*{_YEAR_MARK}|{_MONTH_MARK})\s*$", re.IGNORECASE)
# A line that ends with a date and a next line that starts with a dash ('(2022.03' / '– 2023.06)') or
# with the rest of a numeric date ('(2016' / '/ 12 — 2019 / 12)')
_POINT_TAIL = re.compile(_POINT.pattern + r"\W*$", re.IGNORECASE)
_SEP_HEAD = re.compile(rf"\s*(?:[-–—‒―~→]|{_alternation(_ENDS.until)}(?!{_W})|[/.]\s*{_MM}(?!\d))", re.IGNORECASE)
_RUNS_ON = re.compile(rf"\S\s*(?:[-–—‒―~\u00ad]|\bto)\s*$|(?<!{_W})(?:{ANY_MONTH})\s*$", re.IGNORECASE)
_CONNECTOR = re.compile(r"\s*[|│┃¦↓⋮]\s*")  # a vertical timeline's line between its start and its end
_CUT_MONTH = re.compile(rf"{_YEAR}\s*[/.]\s*$")  # '2025 /', its month on the next line
_MONTH_HEAD = re.compile(rf"\s*{_MM}(?!\d)")
_PRESENT_WORDS = frozenset(fold(w) for w in _ENDS.present if " " not in w)
_HYPHENATED = re.compile(r"(?P<stem>[^\W\d_]{2,})[-\u00ad\u2010]\s*$")  # 'Septem-'
_WORD = re.compile(r"\s*(?P<rest>[^\W\d_]+)")


def join_wrapped(first: str, second: str, as_of: int) -> str | None:
    """``first`` and ``second`` as one line when a date range runs on from one into the other, else None.

    A month name or an open end hyphenated at the end of a line ('Septem-' / 'ber 2019 – Present',
    '10/2023 – Cur-' / 'rent') is put back together; a range broken after its dash, a month name, a
    year's slash ('2022 / 04 – 2025 /' / '10') or a CJK year ('June 2022 –' / 'Present',
    'Sep 2016 – May' / '2019', '(may.' / '2022 – ene. 2026)', '2016年9月 - 2019年' / '3月') or before
    its dash ('(2022.03' / '– 2023.06)') is joined with a space. A range that a narrow date column
    broke over three lines is joined in two steps: the first gives a start that still runs on. A
    timeline's connector between a start and an end ('06/2020' / '|' / 'now') is their dash.
    """
    if _CONNECTOR.fullmatch(second) and _POINT_TAIL.search(_normalised(first)):
        return first.rstrip() + " –"
    joined, at = None, len(first.rstrip())
    hyphen = _HYPHENATED.search(_normalised(first))
    rest = _WORD.match(second)
    if hyphen and rest and fold(hyphen["stem"] + rest["rest"]).rstrip(".") in _MONTHS.keys() | _PRESENT_WORDS:
        joined, at = first[:hyphen.end("stem")] + second.lstrip(), hyphen.end("stem")
    elif _OPEN_TAIL.search(_normalised(first)) or _CUT_START.search(_normalised(first)) or (
            _POINT_TAIL.search(_normalised(first)) and _SEP_HEAD.match(_normalised(second))) or (
            _CUT_MONTH.search(_normalised(first)) and _MONTH_HEAD.match(_normalised(second))):
        joined = first.rstrip() + " " + second.strip()
    if joined is None:
        return None
    found = find_ranges(joined, as_of)
    if found and found[-1].start < at < found[-1].end:
        return joined
    # not a range yet, but it goes on into a third line ('May 2019 –' / 'September' / '2022')
    return joined if _YEARISH.search(joined) and runs_on(first) and runs_on(joined) else None


def runs_on(text: str) -> bool:
    """Whether ``text`` ends where a wrapped range goes on: after its dash or a month ('June 2022 –',
    'Sep 2016 – May')."""
    return bool(_RUNS_ON.search(_normalised(text)))
