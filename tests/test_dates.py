"""The date grammar, table-driven: every format a CV may use, normalised to inclusive months."""

from __future__ import annotations

import pytest

from screener.model import month_index, month_label
from screener.parse.dates import find_ranges

AS_OF = month_index(2026, 11)


@pytest.mark.parametrize(
    ("text", "start", "end", "months", "coarse"),
    [
        ("Jan 2019 – Present", "2019-01", "2026-11", 95, False),
        ("January 2019 - Mar 2021", "2019-01", "2021-03", 27, False),
        ("Jan 2019 – Mar 2020", "2019-01", "2020-03", 15, False),
        ("Mar. 2020 — Apr. 2021", "2020-03", "2021-04", 14, False),
        ("Sept 2013 – July 2017", "2013-09", "2017-07", 47, False),
        ("APR 2021 TO PRESENT", "2021-04", "2026-11", 68, False),
        ("01/2019 – 06/2021", "2019-01", "2021-06", 30, False),
        ("2019-01 to 2021-06", "2019-01", "2021-06", 30, False),
        ("01.2019 - 03.2020", "2019-01", "2020-03", 15, False),
        ("2022/06 – current", "2022-06", "2026-11", 54, False),
        ("2020-08-17  TO PRESENT", "2020-08", "2026-11", 76, False),
        ("2016-11-17 to 2020-07-07", "2016-11", "2020-07", 45, False),
        ("2020-08-17 TOPRESENT", "2020-08", "2026-11", 76, False),
        ("10/2022 – now", "2022-10", "2026-11", 50, False),
        ("July 2021 to date", "2021-07", "2026-11", 65, False),
        ("Feb 2021 - ongoing", "2021-02", "2026-11", 70, False),
        ("since 06/2026", "2026-06", "2026-11", 6, False),
        ("Since March 2024", "2024-03", "2026-11", 33, False),
        ("2018 – 2020", "2018-07", "2020-06", 24, True),
        ("Backend Engineer (2017 - 2021)", "2017-07", "2021-06", 48, True),
        ("2019 – Present", "2019-07", "2026-11", 89, True),
        ("2024-07-09 - Present", "2024-07", "2026-11", 29, False),
        ("Jan-2019 – Mar-2020", "2019-01", "2020-03", 15, False),
        ("Jan '19 – Mar '21", "2019-01", "2021-03", 27, False),
        ("15/01/2019 – 20/03/2021", "2019-01", "2021-03", 27, False),
        ("1 March 2019 - 31 May 2020", "2019-03", "2020-05", 15, False),
        ("March 2, 2019 – June 5, 2020", "2019-03", "2020-06", 16, False),
        ("From 2019 to 2021", "2019-07", "2021-06", 24, True),
        ("Jan 2019 – the present", "2019-01", "2026-11", 95, False),
        ("Jan 2022 – till date", "2022-01", "2026-11", 59, False),
        ("Principal Engineer, Danube Exchange..........Feb 2023 – Present", "2023-02", "2026-11", 46, False),
        ("04/2025 onwards · Córdoba", "2025-04", "2026-11", 20, False),
        ("Jalisco Fintech\t2024-05 —", "2024-05", "2026-11", 31, False),
        ("2024-05 –", "2024-05", "2026-11", 31, False),
    ],
)
def test_gregorian_ranges(text: str, start: str, end: str, months: int, coarse: bool) -> None:
    [found] = find_ranges(text, AS_OF)
    assert (month_label(found.range.start), month_label(found.range.end)) == (start, end)
    assert found.range.months == months
    assert found.range.coarse is coarse


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # each Solar Hijri month maps to the Gregorian month holding most of its days
        ("Mehr 1398 – Dey 1401", "2019-10", "2023-01"),
        ("Farvardin 1400 - Esfand 1400", "2021-04", "2022-03"),
        ("۱۳۹۵/۰۷ – ۱۳۹۸/۰۶", "2016-10", "2019-09"),
        ("1395/07 - 1398/06", "2016-10", "2019-09"),
        ("۱۳۹۹ – ۱۴۰۲", "2020-10", "2023-09"),  # year-only: Mehr of the first to Shahrivar of the last
        ("Alborz Web (مهر ۱۳۹۵ - شهریور ۱۳۹۸)", "2016-10", "2019-09"),  # month names in Persian script
    ],
)
def test_solar_hijri_ranges(text: str, start: str, end: str) -> None:
    [found] = find_ranges(text, AS_OF)
    assert found.range.calendar == "jalali"
    assert (month_label(found.range.start), month_label(found.range.end)) == (start, end)


def test_open_end_is_the_as_of_month() -> None:
    [found] = find_ranges("Jan 2026 – Present", AS_OF)
    assert found.range.ongoing and found.range.months == 11


def test_dates_after_as_of_are_capped() -> None:
    [found] = find_ranges("Jan 2026 – Dec 2027", AS_OF)
    assert month_label(found.range.end) == "2026-11"


@pytest.mark.parametrize("text", ["Go 1.22, MySQL 8", "Last updated in Nov 2026", "June 2015",
                                  "Phone +98 912 555 0196", "2,000 merchants in 2019", "ISO 9001"])
def test_things_that_are_not_ranges(text: str) -> None:
    assert find_ranges(text, AS_OF) == []


def test_range_span_lets_the_title_be_separated() -> None:
    text = "Senior Backend Engineer | March 2022 – Current"
    [found] = find_ranges(text, AS_OF)
    assert text[found.start:found.end] == "March 2022 – Current"
