"""Jobs dated by joining and leaving events, one line each (a Japanese 履歴書's career table, a Korean 경력
list): generated over the ways the year and month are set and over several employers."""

from __future__ import annotations

import pytest

from tests.test_positions import resume_of, spans

_DATE_FORMS = {
    "cells": lambda y, m: f"{y}\t{m}\t",  # a table's year and month columns
    "marks": lambda y, m: f"{y}年{m}月 ",
    "dotted": lambda y, m: f"{y}.{m:02d} ",
    "full-width": lambda y, m: f"{y}年{m}月 ".translate(str.maketrans("0123456789", "０１２３４５６７８９")),
}
_JOBS = [("株式会社ミチノク情報", (2010, 4), (2014, 3)), ("サクラ商事株式会社", (2014, 5), (2019, 9)),
         ("株式会社ハヤテペイ", (2019, 10), None)]


def _label(year_month: tuple[int, int] | None) -> str:
    return "2026-11" if year_month is None else f"{year_month[0]}-{year_month[1]:02d}"


@pytest.mark.parametrize("form", sorted(_DATE_FORMS))
@pytest.mark.parametrize(("joined", "left", "still"), [("入社", "退社", "現在に至る"), ("入社", "退職", "現在"),
                                                       ("입사", "퇴사", "재직중")])
def test_joining_and_leaving_lines_make_each_job_s_range(form: str, joined: str, left: str, still: str) -> None:
    date = _DATE_FORMS[form]
    rows = ["職歴"]
    for company, start, end in _JOBS:
        rows += [f"{date(*start)}{company} {joined}", "　Go、Kafka による決済基盤開発"]
        rows.append(f"{date(*end)}{company} {left}" if end else still)
    resume = resume_of("\n".join(["履歴書", "学歴", f"{date(2006, 4)}東北大学 入学", f"{date(2010, 3)}東北大学 卒業",
                                  *rows, "以上"]))
    found = spans(resume)
    assert [(start, end) for *_, start, end in found] == [(_label(start), _label(end)) for _, start, end in _JOBS]
    assert all(company in header for (company, _, _), (*header, _, _) in zip(_JOBS, found, strict=True))


def test_a_joining_line_with_no_leaving_line_before_the_next_is_no_range() -> None:
    resume = resume_of("職歴\n2010年4月 株式会社ミチノク情報 入社\n2014年5月 サクラ商事株式会社 入社\n現在に至る")
    assert [(start, end) for _, _, start, end in spans(resume)] == [("2014-05", "2026-11")]
