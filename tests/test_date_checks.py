"""Doubts about a CV's dates reach its row: a stale 'Present' and a range written backwards."""

from __future__ import annotations

from screener.report.contract import candidate_dict
from screener.result import Candidate

STALE = """Mirela Costache
Last updated: January 2015

Experience
Backend Engineer, Fernhill Payments        Mar 2013 – Present
- Built the settlement service in Go with Kafka and MySQL.
Developer, Tarn Studio                     Jun 2010 – Feb 2013
- PHP and MySQL.

Education
BSc Computer Science, 2006 – 2010
"""


def _row(screener, text: str) -> dict:
    return candidate_dict(Candidate.from_outcome(screener.screen_bytes(text.encode(), "cv.txt")))


def test_a_present_job_in_a_cv_last_updated_years_ago_is_counted_and_flagged(screener) -> None:
    row = _row(screener, STALE)
    [stale] = [w for w in row["warnings"] if w.startswith("stale_present")]
    assert "2015-01" in stale and "Mar 2013 – Present" in stale
    assert any("stale_present" in reason for reason in row["reasons"])  # what explain prints
    current = next(p for p in row["positions"] if p["organisation"] == "Fernhill Payments")
    assert current["end"] == "2026-11"  # still counted to the as-of date


def test_the_newest_date_alone_can_show_a_cv_is_stale(screener) -> None:
    row = _row(screener, STALE.replace("Last updated: January 2015\n", ""))
    assert any(w.startswith("stale_present") and "2013-03" in w for w in row["warnings"])


def test_a_current_cv_with_a_present_job_is_not_flagged(screener) -> None:
    text = STALE.replace("Last updated: January 2015", "Last updated: October 2026").replace("Mar 2013", "Mar 2023")
    assert not [w for w in _row(screener, text)["warnings"] if w.startswith("stale_present")]
    assert not [w for w in _row(screener, text.replace("Last updated: October 2026\n", ""))["warnings"]
                if w.startswith("stale_present")]


def test_a_range_that_ends_before_it_starts_is_flagged_and_not_counted(screener) -> None:
    text = STALE.replace("Last updated: January 2015\n", "").replace("Jun 2010 – Feb 2013", "Jun 2012 – Feb 2010")
    row = _row(screener, text)
    assert any(w.startswith("reversed_range") and "Jun 2012 – Feb 2010" in w for w in row["warnings"])
    assert all(p["start"] >= "2013-03" for p in row["positions"])
