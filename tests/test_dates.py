"""The date grammar, table-driven: every format a CV may use, normalised to inclusive months."""

from __future__ import annotations

import pytest

from screener.model import month_index, month_label
from screener.parse.dates import find_dates, find_ranges, join_wrapped, reversed_ranges, updated_date

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


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Backend Engineer, Kumo Logistics — 01/19–03/21", "2019-01", "2021-03"),
    ("Senior Engineer, Hikari — 04/21–present", "2021-04", "2026-11"),
    ("6/98 - 12/03  Analyst", "1998-06", "2003-12"),
])
def test_a_month_and_a_two_digit_year_at_both_ends_of_a_range(text: str, start: str, end: str) -> None:
    assert _span(text) == (start, end)


@pytest.mark.parametrize("text", ["rated 10/10 by users", "since 01/19", "01/19/2020 – 03/21", "v1/19 - 2/21",
                                  "Q&A on 01/19"])
def test_a_month_and_a_two_digit_year_alone_or_inside_a_longer_number_is_no_range(text: str) -> None:
    assert find_ranges(text, AS_OF) == []


@pytest.mark.parametrize(("text", "start", "end"), [
    ("2019 Mar – present   Rakuda Payments, Senior Engineer", "2019-03", "2026-11"),
    ("2016 Apr – 2019 Feb  Sakura Systems, Engineer", "2016-04", "2019-02"),
    ("From: 03/2019   To: present", "2019-03", "2026-11"),
    ("Von: 09/2015  Bis: 02/2019", "2015-09", "2019-02"),
])
def test_a_year_before_its_month_and_ranges_written_as_form_fields(text: str, start: str, end: str) -> None:
    assert _span(text) == (start, end)


def test_a_word_spelling_a_month_in_some_language_after_a_year_is_a_word() -> None:
    # 'set' is September in Italian and Portuguese, 'may' a month in English
    assert _span("Team lead 2016 – 2019 Set up the CI") == ("2016-07", "2019-06")
    assert _span("since 2019 may be reached by the on-call") == ("2019-07", "2026-11")


@pytest.mark.parametrize("text", ["03/2019 – dosud", "03/2019 – jelenleg", "03.2019 – în prezent",
                                  "03/2019 – trenutno"])
def test_open_ends_in_central_and_eastern_european_languages(text: str) -> None:
    assert _span(text) == ("2019-03", "2026-11")


@pytest.mark.parametrize(("text", "start", "end"), [
    ("martie 2019 – prezent", "2019-03", "2026-11"),
    ("septembrie 2015 – februarie 2019", "2015-09", "2019-02"),
    ("2015. szeptember – 2019. február", "2015-09", "2019-02"),
    ("březen 2019 – dosud", "2019-03", "2026-11"),
    ("De 2016 à 2019 — Développeur, WebAgence", "2016-07", "2019-06"),
    ("du 03/2019 au 02/2021", "2019-03", "2021-02"),
])
def test_romanian_hungarian_and_czech_months_and_a_range_opened_by_a_word(text: str, start: str, end: str) -> None:
    found = find_ranges(text, AS_OF)
    assert [(month_label(f.range.start), month_label(f.range.end)) for f in found] == [(start, end)]
    assert not text[:found[0].start].strip()  # the opening word belongs to the range


@pytest.mark.parametrize("text", ["Prix de 2019", "Promotion du 2015"])
def test_an_opening_word_before_a_lone_date_makes_no_range(text: str) -> None:
    assert find_ranges(text, AS_OF) == []


@pytest.mark.parametrize(("text", "start", "end"), [
    ("03.19 – heute    Senior Backend Engineer", "2019-03", "2026-11"),
    ("09.14 – 02.19    Entwickler", "2014-09", "2019-02"),
    ("Μάρτιος 2019 – σήμερα", "2019-03", "2026-11"),
    ("ΣΕΠΤΈΜΒΡΙΟΣ 2015 – ΦΕΒΡΟΥΆΡΙΟΣ 2019", "2015-09", "2019-02"),
    ("03/2019 – nay", "2019-03", "2026-11"),
    ("03/2019 – حتى الآن", "2019-03", "2026-11"),
    ("3/2019 – nyt", "2019-03", "2026-11"),
])
def test_dotted_two_digit_years_greek_months_and_more_open_ends(text: str, start: str, end: str) -> None:
    assert _span(text) == (start, end)


@pytest.mark.parametrize("text", ["Go 1.19 – 1.21 upgrade", "prices 10.50 – 12.99 EUR", "scores 10/50 – 12/99"])
def test_versions_and_decimals_are_no_two_digit_year_ranges(text: str) -> None:
    assert find_ranges(text, AS_OF) == []


@pytest.mark.parametrize("text", ["2020.03 ~ 재직중", "03/2019 – היום", "2019年4月～現在に至る"])
def test_open_ends_in_korean_hebrew_and_japanese(text: str) -> None:
    [found] = find_ranges(text, AS_OF)
    assert found.range.ongoing and text[found.end:].strip() == ""


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Mid 2018 – Late 2020", "2018-06", "2020-12"),
    ("Early 2019 – present", "2019-01", "2026-11"),
    ("Fin 2019 – début 2021", "2019-10", "2021-03"),
    ("January 2019 – till present", "2019-01", "2026-11"),
])
def test_early_and_late_in_a_year_bound_a_range(text: str, start: str, end: str) -> None:
    assert _span(text) == (start, end)


@pytest.mark.parametrize("text", ["in late 2019 we shipped", "by the end of 2019", "the fine 2019 release"])
def test_early_and_late_alone_are_moments_not_periods(text: str) -> None:
    assert find_ranges(text, AS_OF) == []


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Developer, Acme, 2016–18", "2016-07", "2018-06"),
    ("2014 - 15  Research assistant", "2014-07", "2015-06"),
    ("1998–99", "1998-07", "1999-06"),
])
def test_a_year_and_the_last_digits_of_a_later_one_are_a_coarse_range(text: str, start: str, end: str) -> None:
    [found] = find_ranges(text, AS_OF)
    assert (month_label(found.range.start), month_label(found.range.end), found.range.coarse) == (start, end, True)


@pytest.mark.parametrize("text", ["2019–05", "2011-12", "ticket 2014-15-22", "1398–99"])
def test_a_year_and_two_digits_that_are_no_later_year_are_no_range(text: str) -> None:
    assert find_ranges(text, AS_OF) == [] and reversed_ranges(text, AS_OF) == []


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


def _span(text: str) -> tuple[str, str]:
    [found] = find_ranges(text, AS_OF)
    return month_label(found.range.start), month_label(found.range.end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # Chinese, Japanese, Korean: year/month marks, full-width digits and punctuation, open ends
        ("2019.07 – 至今", "2019-07", "2026-11"),
        ("2019年7月 - 2021年3月", "2019-07", "2021-03"),
        ("２０１９年７月～２０２１年３月", "2019-07", "2021-03"),
        ("2018/03－2019/12  北京某科技有限公司", "2018-03", "2019-12"),
        ("工作时间：2020.01-现在", "2020-01", "2026-11"),
        ("2016年9月 – 現在", "2016-09", "2026-11"),
        ("2017年3月～今", "2017-03", "2026-11"),
        ("2019년 7월 - 현재", "2019-07", "2026-11"),
        # Russian and Ukrainian: nominative, genitive, abbreviated, 'г.' after the year
        ("январь 2019 – март 2021", "2019-01", "2021-03"),
        ("с января 2019 г. по настоящее время", "2019-01", "2026-11"),
        ("Янв. 2018 — н.в.", "2018-01", "2026-11"),
        ("Сентябрь 2017 – наст. время", "2017-09", "2026-11"),
        ("окт. 2016 – сейчас", "2016-10", "2026-11"),
        ("мая 2014 — августа 2016", "2014-05", "2016-08"),
        ("вересень 2018 – по теперішній час", "2018-09", "2026-11"),
        # Swedish, Norwegian, Danish
        ("augusti 2019 – pågående", "2019-08", "2026-11"),
        ("mars 2018 – nå", "2018-03", "2026-11"),
        ("marts 2017 – d.d.", "2017-03", "2026-11"),
        ("okt 2020 – nu", "2020-10", "2026-11"),
        ("maj 2012 – desember 2015", "2012-05", "2015-12"),
        # other European languages and Indonesian, with accents written or left out
        ("März 2019 – heute", "2019-03", "2026-11"),
        ("Marz 2019 bis Mai 2020", "2019-03", "2020-05"),
        ("janv. 2018 – aujourd’hui", "2018-01", "2026-11"),
        ("septiembre 2017 – actualidad", "2017-09", "2026-11"),
        ("março 2019 – atual", "2019-03", "2026-11"),
        ("giugno 2016 – attuale", "2016-06", "2026-11"),
        ("mei 2015 – heden", "2015-05", "2026-11"),
        ("wrzesień 2019 – obecnie", "2019-09", "2026-11"),
        ("Şubat 2019 – günümüz", "2019-02", "2026-11"),
        ("MAYIS 2019 – HALEN", "2019-05", "2026-11"),
        ("Agustus 2018 – sekarang", "2018-08", "2026-11"),
        # an open start written with a slash and set in bold Markdown
        ("**2016 / 09 -**", "2016-09", "2026-11"),
        ("| 2016 / 09 - | Backend Engineer |", "2016-09", "2026-11"),
        # apostrophe years
        ("Sept ’17 – Jun ’19", "2017-09", "2019-06"),
        ("’19–’21", "2019-07", "2021-06"),
        ("'98 - '02", "1998-07", "2002-06"),
        # seasons and semesters
        ("Fall 2014 – Spring 2015", "2014-09", "2015-05"),
        ("Teaching Assistant, Fall 2016", "2016-09", "2016-11"),
        ("Winter 2015 – Summer 2015", "2014-12", "2015-08"),
        ("Herbst 2018 – Frühjahr 2019", "2018-09", "2019-05"),
    ],
)
def test_ranges_in_other_languages_and_typesetting(text: str, start: str, end: str) -> None:
    assert _span(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Senior Go Developer\tAug 2023 — now (1y.)", "2023-08", "2026-11"),
        ("Jan 2019 - Present (5 years 11 months)", "2019-01", "2026-11"),
        ("Mar 2020 – Jun 2021 · 1 yr 4 mos", "2020-03", "2021-06"),
        ("Sep 2016 – Jun 2017 (10m.)", "2016-09", "2017-06"),
        ("Jan 2015 - Feb 2017 · 2 years 2 months", "2015-01", "2017-02"),
    ],
)
def test_a_duration_beside_a_range_is_not_part_of_it(text: str, start: str, end: str) -> None:
    assert _span(text) == (start, end)


@pytest.mark.parametrize("text", ["(2 years 3 months)", "· 5 yrs 11 mos", "(1y.)", "10m.", "Summer school"])
def test_a_duration_alone_is_not_a_range(text: str) -> None:
    assert find_ranges(text, AS_OF) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Lead Engineer, Orca Freight      Q3 2018 – Q2 2020", "2018-07", "2020-06"),
        ("Platform team (H2 2021 – present)", "2021-07", "2026-11"),
        ("Analyst at Pellow Bank from 2015 until mid-2017", "2015-07", "2017-06"),
        ("Consultant, Mid 2012 – Q1 2014", "2012-06", "2014-03"),
    ],
)
def test_quarters_halves_and_mid_year_bound_a_range(text: str, start: str, end: str) -> None:
    assert _span(text) == (start, end)


@pytest.mark.parametrize("text", ["- Cut p99 latency by 40% in Q3 2021.", "Mid 2019 we moved", "H1 2022 goals"])
def test_a_quarter_alone_is_a_moment_not_a_period(text: str) -> None:
    assert find_ranges(text, AS_OF) == []


def test_a_range_that_ends_before_it_starts_is_reported_not_counted() -> None:
    assert find_ranges("Backend Engineer, Jun 2021 – Jan 2019", AS_OF) == []
    assert reversed_ranges("Backend Engineer, Jun 2021 – Jan 2019", AS_OF) == ["Jun 2021 – Jan 2019"]
    assert reversed_ranges("Jan 2019 – Jun 2021", AS_OF) == []


def test_a_year_alone_at_either_end_of_a_same_year_range_spans_the_year() -> None:
    assert _span("Mar 2019 – 2019") == ("2019-03", "2019-12")
    assert _span("2019 – Mar 2019") == ("2019-01", "2019-03")


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("Backend Engineer   Septem-", "ber 2019 – Present", "Backend Engineer   September 2019 – Present"),
        ("Acme — Engineer   March 2018 –", "June 2020", "Acme — Engineer   March 2018 – June 2020"),
        ("Engineer, Acme   September 2016 – January", "2020", "Engineer, Acme   September 2016 – January 2020"),
        ("Engineer  2019年7月 –", "至今", "Engineer  2019年7月 – 至今"),
        ("04.2026 - по", "настоящее время", "04.2026 - по настоящее время"),
    ],
)
def test_a_range_wrapped_over_two_lines_is_put_back(first: str, second: str, joined: str) -> None:
    assert join_wrapped(first, second, AS_OF) == joined
    assert find_ranges(joined, AS_OF)


@pytest.mark.parametrize(("first", "second"), [("Built a self-", "service portal in 2019"),
                                                ("Led the migra-", "tion of 2019 – 2020 data"),
                                                ("Backend Engineer", "Jan 2019 – Present"),
                                                ("Senior Engineer, Acme 2019 – 2021", "- 2022 roadmap"),
                                                ("Joined in 2019", "Led the 2020 – 2021 migration")])
def test_lines_are_not_joined_when_no_range_runs_across(first: str, second: str) -> None:
    assert join_wrapped(first, second, AS_OF) is None


def test_dates_and_last_updated_lines() -> None:
    assert [month_label(m) for m in find_dates("Updated 2014-03; joined in June 2012", AS_OF)] == ["2014-03", "2012-06"]
    assert month_label(updated_date("Last updated: January 2015", AS_OF) or 0) == "2015-01"
    assert updated_date("Jan 2019 – Present", AS_OF) is None


@pytest.mark.parametrize(
    ("first", "second", "start", "end"),
    [
        ("Danzu Analytics — Go Developer (may.", "2022 – ene. 2026)", "2022-05", "2026-01"),
        ("2016年9月 - 2019年", "3月", "2016-09", "2019-03"),
        ("Backend Engineer, Kestrel   Oct", "2019 – Present", "2019-10", "2026-11"),
        ("Britamquin Cloud — UX Designer (2022.03", "– 2023.06)", "2022-03", "2023-06"),
        ("Grendanka AB — Backend Engineer (2020-07", "- 2023-06)", "2020-07", "2023-06"),
        ("Briquinbri Analytics, Lisbon | nov 2024", "– feb 2026", "2024-11", "2026-02"),
        ("Polost GmbH — FULL-STACK DEVELOPER (2016", "/ 12 — 2019 / 12)", "2016-12", "2019-12"),
    ],
)
def test_a_range_cut_after_its_month_or_year_mark_is_put_back(first: str, second: str, start: str, end: str) -> None:
    joined = join_wrapped(first, second, AS_OF)
    assert joined is not None and _span(joined) == (start, end)


def test_a_range_run_into_the_next_word_of_a_pdf_line_is_still_found() -> None:
    assert _span("Sep 2021 — Aug 2024Solvelfal Health — Backend Developer") == ("2021-09", "2024-08")
    assert find_ranges("Sep 2021 — Aug 2024solvelfal", AS_OF) == []  # a lower-case run-on is a word
    assert _span("2013年4月 – 2015年12Marcal Inc. — SENIOR SOFTWARE ENGINEER") == ("2013-04", "2015-12")
    assert _span("mars 2021 – nov 2023UX Designer") == ("2021-03", "2023-11")


@pytest.mark.parametrize(("text", "span"), [
    ("Torpolcal Labs11.2019 — 08.2023", ("2019-11", "2023-08")),  # a tab stop collapsed by a word processor
    ("Renmargren Ltd2016 / 02 – 2020 / 05", ("2016-02", "2020-05")),
    ("Zunorka GmbH2022 年 10 月–2024 年 3 月", ("2022-10", "2024-03")),
    ("Acme Labs11.2019 - present", ("2019-11", "2026-11")),
    ("Windows2019 servers", None),  # a name with a number in it: no range
    ("Acme2019 since 2020", ("2020-07", "2026-11")),  # the glued year alone is no range
    ("Python3.8 – 3.11", None),
])
def test_a_range_run_into_the_word_before_it_needs_its_end(text: str, span: tuple[str, str] | None) -> None:
    assert (_span(text) if find_ranges(text, AS_OF) else None) == span


@pytest.mark.parametrize("first, second, joined", [
    ("10/2023 – Cur-", "rent", "10/2023 – Current"),  # TeX hyphenates the open end in a narrow cell
    ("Jan 2020 – Pre-", "sent", "Jan 2020 – Present"),
    ("2022 / 04 – 2025 /", "10", "2022 / 04 – 2025 / 10"),  # broken after the year's slash
])
def test_a_range_wrapped_inside_its_open_end_or_after_a_years_slash_is_joined(first: str, second: str,
                                                                            joined: str) -> None:
    assert join_wrapped(first, second, AS_OF) == joined


def test_a_word_that_only_starts_like_an_open_end_is_not_joined() -> None:
    assert join_wrapped("Jan 2020 – Pre-", "sentation skills", AS_OF) is None


def test_a_finished_range_does_not_run_on_into_the_next_rows_start() -> None:
    # two rows of a table of periods: the first range is whole, the second wraps after its month
    assert join_wrapped("June 2023 – present", "January 2020 – May", AS_OF) is None


def _school_year_forms(first: int) -> list[str]:
    """How a school year starting in ``first`` is written: '2015/16', '2015/2016', '2015 / 16'."""
    return [f"{first}/{(first + 1) % 100:02d}", f"{first}/{first + 1}", f"{first} / {(first + 1) % 100:02d}"]


@pytest.mark.parametrize("first", [2012, 2015, 2019, 2023])
def test_school_years_run_september_to_august(first: int) -> None:
    for form in _school_year_forms(first):
        [alone] = find_ranges(f"{form}   Teaching Fellow, University of Leeds", AS_OF)
        assert (month_label(alone.range.start), month_label(alone.range.end)) == (f"{first}-09", f"{first + 1}-08")
        assert alone.range.coarse  # the months are assumed, as for a bare year
        [open_] = find_ranges(f"{form} – present", AS_OF)
        assert (month_label(open_.range.start), open_.range.ongoing) == (f"{first}-09", True)
        for last in _school_year_forms(first + 2):
            [span] = find_ranges(f"{form} – {last}", AS_OF)
            assert (month_label(span.range.start), month_label(span.range.end)) == (f"{first}-09", f"{first + 3}-08")


@pytest.mark.parametrize("text", ["Windows Server 2008/2012", "2018/2016", "2014/2019 release notes"])
def test_slashed_years_that_are_no_school_year_stay_no_period(text: str) -> None:
    assert find_ranges(text, AS_OF) == []


def test_a_year_and_month_with_a_slash_stay_a_month() -> None:
    [found] = find_ranges("2011/12 – 2014/05", AS_OF)  # December 2011, not the school year 2011/12
    assert (month_label(found.range.start), month_label(found.range.end)) == ("2011-12", "2014-05")


@pytest.mark.parametrize(("joined", "left"), [("入社", "退社"), ("入社", "退職"), ("入职", "离职"), ("입사", "퇴사")])
@pytest.mark.parametrize(("start", "end"), [((2015, 4), (2020, 3)), ((2009, 10), (2013, 1))])
def test_joining_and_leaving_words_after_the_dates(joined: str, left: str, start: tuple[int, int],
                                                   end: tuple[int, int]) -> None:
    """'2015年4月 入社 ～ 2020年3月 退社' (joined … left), as Japanese, Chinese and Korean CVs date a job."""
    for a, b in ((f"{start[0]}年{start[1]}月", f"{end[0]}年{end[1]}月"),
                 (f"{start[0]}.{start[1]:02d}", f"{end[0]}.{end[1]:02d}")):
        for text in (f"{a} {joined} ～ {b} {left}", f"Acme（{a}{joined} - {b}{left}）"):
            [found] = find_ranges(text, AS_OF)
            assert (found.range.start, found.range.end) == (month_index(*start), month_index(*end)), text
        [current] = find_ranges(f"{a} {joined} ～ 現在", AS_OF)
        assert (current.range.start, current.range.ongoing) == (month_index(*start), True)


@pytest.mark.parametrize("text", ["11.25\t11.25", "03/19\t04/21", "10.50\t12.99"])
def test_numbers_in_cells_side_by_side_are_no_range(text: str) -> None:
    """Only dates with their year in full make a range across a tab ('2021-02<TAB>present')."""
    assert find_ranges(text, AS_OF) == []


_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
       "diciembre"]
_PT = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro",
       "dezembro"]


@pytest.mark.parametrize("names", [_ES, _PT])
@pytest.mark.parametrize("joiner", ["de", "del"])
def test_a_month_name_joined_to_its_year_by_de(names: list[str], joiner: str) -> None:
    """'De enero de 2019 a la fecha', 'De marzo de 2015 a diciembre de 2018', 'março de 2019 – atual'."""
    for month in (1, 3, 9, 12):
        start, end = f"{names[month - 1]} {joiner} 2015", f"{names[12 - month]} {joiner} 2018"
        [span] = find_ranges(f"De {start} a {end}", AS_OF)
        assert (span.range.start, span.range.end) == (month_index(2015, month), month_index(2018, 13 - month))
        for open_end in ("a la fecha", "– a la fecha", "– atual", "a la actualidad"):
            [current] = find_ranges(f"{start} {open_end}", AS_OF)
            assert (current.range.start, current.range.ongoing) == (month_index(2015, month), True), open_end


@pytest.mark.parametrize(("start", "end"), [((2014, 9), (2019, 2)), ((2009, 12), (2011, 1))])
def test_year_dot_month_dot_as_hungarian_cvs_write_it(start: tuple[int, int], end: tuple[int, int]) -> None:
    for a, b in ((f"{start[0]}. {start[1]:02d}.", f"{end[0]}. {end[1]:02d}."),
                 (f"{start[0]}.{start[1]:02d}.", f"{end[0]}.{end[1]:02d}.")):
        [span] = find_ranges(f"{a} – {b}", AS_OF)
        assert (span.range.start, span.range.end) == (month_index(*start), month_index(*end))
        [current] = find_ranges(f"{a} – jelenleg", AS_OF)
        assert (current.range.start, current.range.ongoing) == (month_index(*start), True)


_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@pytest.mark.parametrize("month", range(1, 13))
def test_months_in_roman_numerals(month: int) -> None:
    """'III 2019 – dosud', 'IX.2014 – II.2019', as Polish, Czech and Hungarian CVs write months."""
    for a, b in ((f"{_ROMAN[month - 1]} 2014", f"{_ROMAN[12 - month]} 2019"),
                 (f"{_ROMAN[month - 1]}.2014", f"{_ROMAN[12 - month]}.2019")):
        [span] = find_ranges(f"{a} – {b}", AS_OF)
        assert (span.range.start, span.range.end) == (month_index(2014, month), month_index(2019, 13 - month))
        [current] = find_ranges(f"{a} – dosud", AS_OF)
        assert (current.range.start, current.range.ongoing) == (month_index(2014, month), True)


@pytest.mark.parametrize("text", ["Louis XIV 2019", "mix 2019 – 2020 budget", "Windows XP 2019"])
def test_roman_numerals_inside_words_or_in_lower_case_are_no_month(text: str) -> None:
    assert all(found.range.start % 12 == 6 for found in find_ranges(text, AS_OF))  # a bare year, if any


@pytest.mark.parametrize("word", ["Tháng", "tháng", "Thang"])
@pytest.mark.parametrize(("start", "end"), [((2015, 6), (2019, 2)), ((2019, 11), (2021, 3))])
def test_the_word_for_month_before_its_number(word: str, start: tuple[int, int], end: tuple[int, int]) -> None:
    """Vietnamese 'Tháng 6/2015 – Tháng 2/2019', 'Tháng 3/2019 – nay'."""
    for a, b in ((f"{word} {start[1]}/{start[0]}", f"{word} {end[1]}/{end[0]}"),
                 (f"{word} {start[1]:02d}/{start[0]}", f"{word} {end[1]:02d}/{end[0]}")):
        [span] = find_ranges(f"{a} – {b}", AS_OF)
        assert (span.range.start, span.range.end) == (month_index(*start), month_index(*end))
        [current] = find_ranges(f"{a} – nay", AS_OF)
        assert (current.range.start, current.range.ongoing) == (month_index(*start), True)


@pytest.mark.parametrize("suffix", ["'dan beri", "’den beri", "'ten itibaren", "’tan itibaren"])
def test_a_turkish_case_ending_then_since_after_the_start(suffix: str) -> None:
    """'Mart 2019'dan beri' (since March 2019): a start with no end, open to the as-of date."""
    for start, month in (("Mart 2019", 3), ("03.2019", 3), ("Eylül 2016", 9)):
        [found] = find_ranges(f"{start}{suffix}", AS_OF)
        assert (found.range.start, found.range.ongoing) == (month_index(int(start[-4:]), month), True)


@pytest.mark.parametrize("gap", ["  ", "    ", "\t"])
def test_a_start_and_an_end_in_columns_set_by_spaces(gap: str) -> None:
    [found] = find_ranges(f"2016-02{gap}2020-08{gap}Odense Data{gap}Backend Developer", AS_OF)
    assert (month_label(found.range.start), month_label(found.range.end)) == ("2016-02", "2020-08")
    assert find_ranges(f"Go 2019{gap}Kafka 2021", AS_OF) == []  # a year beside a word is no start
