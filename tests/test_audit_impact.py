"""`screener audit impact`: figures checked against tables worked out by hand."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from screener.audit.impact import impact
from screener.cli import main


def _report(people: list[tuple[str, float, str]]) -> dict:
    """A report whose candidates are (file, score, verdict)."""
    return {"schema_version": 1, "candidates": [
        {"file": f, "sha256": f"{n:064x}", "status": "ok", "score": s, "verdict": v}
        for n, (f, s, v) in enumerate(people)]}


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# Three categories, 23 applicants, scores 1..23 (median 12, so 11 score above it).
#   Female:    8 applicants, 4 pass, 2 review, 2 fail; scores 5-9 and 19-21 (3 above the median)
#   Male:     10 applicants, 6 pass, 1 review, 3 fail; scores 1-4 and 13-18 (6 above)
#   Nonbinary: 5 applicants, 2 pass, 1 review, 2 fail; scores 10-12 and 22-23 (2 above)
GROUPS = {
    "Female": ([5, 6, 7, 8, 9, 19, 20, 21], ["pass"] * 4 + ["review"] * 2 + ["fail"] * 2),
    "Male": ([1, 2, 3, 4, 13, 14, 15, 16, 17, 18], ["pass"] * 6 + ["review"] + ["fail"] * 3),
    "Nonbinary": ([10, 11, 12, 22, 23], ["pass"] * 2 + ["review"] + ["fail"] * 2),
}
# Worked out by hand:
#   selection rate (pass):   F 4/8 = .5,    M 6/10 = .6,  N 2/5 = .4  → ratios ÷ .6:  .8333, 1, .6667
#   scoring rate (> 12):     F 3/8 = .375,  M 6/10 = .6,  N 2/5 = .4  → ratios ÷ .6:  .625,  1, .6667
#   selection (pass+review): F 6/8 = .75,   M 7/10 = .7,  N 3/5 = .6  → ratios ÷ .75: 1, .9333, .8
BY_HAND = {  # category: (applicants, selected, selection rate, impact ratio, above median, scoring rate, ratio)
    "Female": (8, 4, 0.5, 0.8333, 3, 0.375, 0.625),
    "Male": (10, 6, 0.6, 1.0, 6, 0.6, 1.0),
    "Nonbinary": (5, 2, 0.4, 0.6667, 2, 0.4, 0.6667),
}
BY_HAND_WITH_REVIEW = {"Female": (6, 0.75, 1.0), "Male": (7, 0.7, 0.9333), "Nonbinary": (3, 0.6, 0.8)}


@pytest.fixture()
def three(tmp_path: Path) -> tuple[Path, Path]:
    people, rows = [], []
    for group, (scores, verdicts) in GROUPS.items():
        for score, verdict in zip(scores, verdicts, strict=True):
            file = f"{group.lower()}-{score}.pdf"
            people.append((file, float(score), verdict))
            rows.append([file, group])
    report = tmp_path / "report.json"
    report.write_text(json.dumps(_report(people)), encoding="utf-8")
    return report, _csv(tmp_path / "demographics.csv", ["file", "sex"], rows)


def _figures(report: Path, demographics: Path, **kw) -> dict:
    result = impact(json.loads(report.read_text()), demographics, **kw)
    return {g.category: g for g in result.groups}


def test_three_categories_match_the_table_worked_out_by_hand(three: tuple[Path, Path]) -> None:
    groups = _figures(*three)
    assert set(groups) == set(BY_HAND)
    for name, (applicants, selected, rate, ratio, above, scoring, scoring_ratio) in BY_HAND.items():
        g = groups[name]
        assert (g.applicants, g.selected, g.above_median) == (applicants, selected, above)
        assert g.selection_rate == pytest.approx(rate) and g.impact_ratio == pytest.approx(ratio, abs=1e-4)
        assert g.scoring_rate == pytest.approx(scoring)
        assert g.scoring_impact_ratio == pytest.approx(scoring_ratio, abs=1e-4)
    assert groups["Nonbinary"].flags == ("impact ratio < 0.8", "scoring impact ratio < 0.8")
    assert groups["Female"].flags == ("scoring impact ratio < 0.8",)
    assert groups["Male"].flags == ()


def test_pass_and_review_as_selected(three: tuple[Path, Path]) -> None:
    groups = _figures(*three, selected="pass+review")
    for name, (selected, rate, ratio) in BY_HAND_WITH_REVIEW.items():
        assert groups[name].selected == selected
        assert groups[name].selection_rate == pytest.approx(rate)
        assert groups[name].impact_ratio == pytest.approx(ratio, abs=1e-4)
    assert "impact ratio < 0.8" not in groups["Nonbinary"].flags  # exactly 0.8 is not below it


def test_unknown_category_is_counted_but_has_no_ratios(tmp_path: Path) -> None:
    # 4 known (A: 2 pass of 2; B: 1 pass of 2) and 3 unknown: a blank cell, 'unknown', and a candidate the
    # CSV does not list. Scores 1..7, median 4: above it 5, 6, 7 (A has 6 and 7, an unknown has 5).
    people = [("a1", 6, "pass"), ("a2", 7, "pass"), ("b1", 1, "pass"), ("b2", 2, "fail"),
              ("u1", 3, "pass"), ("u2", 5, "fail"), ("u3", 4, "pass")]
    report = _report(people)
    demographics = _csv(tmp_path / "d.csv", ["file", "group"],
                        [["a1", "A"], ["a2", "A"], ["b1", "B"], ["b2", "B"], ["u1", ""], ["u2", "Unknown"]])
    result = impact(report, demographics)
    groups = {g.category: g for g in result.groups}
    assert [g.category for g in result.groups] == ["A", "B", "Unknown"]
    assert result.applicants == 7 and result.median_score == 4
    unknown = groups["Unknown"]
    assert (unknown.applicants, unknown.selected, unknown.above_median) == (3, 2, 1)
    assert unknown.impact_ratio is None and unknown.scoring_impact_ratio is None
    assert unknown.flags == ("not used for ratios",)
    assert groups["B"].impact_ratio == pytest.approx(0.5) and groups["B"].scoring_impact_ratio == 0.0


def test_small_category_is_marked_and_never_the_reference(tmp_path: Path) -> None:
    # 60 applicants: A 30 (15 pass), B 29 (12 pass), C 1 (1 pass). C is 1.7% < 2%: marked, and the
    # reference rate is A's .5, not C's 1.0 → A 1.0, B 12/29 ÷ .5 = .8276, C 1/1 ÷ .5 = 2.0.
    people = [(f"a{i}", 50, "pass" if i < 15 else "fail") for i in range(30)]
    people += [(f"b{i}", 50, "pass" if i < 12 else "fail") for i in range(29)] + [("c0", 50, "pass")]
    rows = [[f, f[0].upper()] for f, _, _ in people]
    groups = {g.category: g for g in impact(_report(people), _csv(tmp_path / "d.csv", ["file", "g"], rows)).groups}
    assert groups["A"].impact_ratio == pytest.approx(1.0)
    assert groups["B"].impact_ratio == pytest.approx(12 / 29 / 0.5)
    assert groups["C"].impact_ratio == pytest.approx(2.0)
    assert groups["C"].small and "small sample (< 2% of applicants)" in groups["C"].flags
    assert not groups["B"].small and not groups["A"].small


def test_two_columns_give_intersections(tmp_path: Path) -> None:
    # sex × race, keyed by sha256. F×X: 2 of 2 pass; F×Y: 1 of 2; M×X: 1 of 2; M×Y: 0 of 2.
    people = [("f1", 9, "pass"), ("f2", 8, "pass"), ("f3", 7, "pass"), ("f4", 1, "fail"),
              ("m1", 6, "pass"), ("m2", 2, "fail"), ("m3", 3, "fail"), ("m4", 4, "fail")]
    report = _report(people)
    cells = {"f1": ("F", "X"), "f2": ("F", "X"), "f3": ("F", "Y"), "f4": ("F", "Y"),
             "m1": ("M", "X"), "m2": ("M", "X"), "m3": ("M", "Y"), "m4": ("M", "Y")}
    rows = [[c["sha256"].upper(), "ignored", *cells[c["file"]]] for c in report["candidates"]]
    demographics = _csv(tmp_path / "d.csv", ["sha256", "note", "sex", "race"], rows)
    groups = {g.category: g for g in impact(report, demographics, ["sex", "race"]).groups}
    assert [(k, g.selected, g.applicants) for k, g in groups.items()] == [
        ("F × X", 2, 2), ("F × Y", 1, 2), ("M × X", 1, 2), ("M × Y", 0, 2)]
    assert [g.impact_ratio for g in groups.values()] == [1.0, 0.5, 0.5, 0.0]
    # median of 1,2,3,4,6,7,8,9 is 5: above it f1, f2, f3, m1
    assert [g.scoring_rate for g in groups.values()] == [1.0, 0.5, 0.5, 0.0]


@pytest.mark.parametrize(("rows", "message"), [
    ([["female-5.pdf", "Female"], ["nobody.pdf", "Male"]], "d.csv:3: file 'nobody.pdf' matches no candidate"),
    ([["male-1.pdf", "Male"], ["female-5.pdf", "Female"], ["male-1.pdf", "Male"]],
     "d.csv:4: duplicate file 'male-1.pdf' (also on line 2)"),
    ([["", "Male"]], "d.csv:2: the 'file' cell is empty"),
])
def test_bad_demographics_exit_2_naming_the_row(three: tuple[Path, Path], tmp_path: Path, rows: list, message: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    demographics = _csv(tmp_path / "d.csv", ["file", "sex"], rows)
    assert main(["audit", "impact", str(three[0]), "--demographics", str(demographics)]) == 2
    assert message in capsys.readouterr().err


def test_missing_columns_exit_2(three: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    no_key = _csv(tmp_path / "k.csv", ["name", "sex"], [["x", "F"]])
    assert main(["audit", "impact", str(three[0]), "--demographics", str(no_key)]) == 2
    assert "needs a column named 'file' or 'sha256'" in capsys.readouterr().err
    assert main(["audit", "impact", str(three[0]), "--demographics", str(three[1]), "--by", "race"]) == 2
    assert "no column 'race'" in capsys.readouterr().err


def test_formats(three: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report, demographics = three
    args = ["audit", "impact", str(report), "--demographics", str(demographics)]
    assert main([*args, "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    nonbinary = next(c for c in body["categories"] if c["category"] == "Nonbinary")
    assert (nonbinary["impact_ratio"], nonbinary["scoring_rate"]) == (0.6667, 0.4)
    assert body["applicants"] == 23 and body["median_score"] == 12
    assert main([*args, "--format", "csv", "-o", str(tmp_path / "i.csv")]) == 0
    rows = list(csv.DictReader((tmp_path / "i.csv").open(encoding="utf-8")))
    assert rows[0]["category"] == "Female" and rows[0]["scoring_impact_ratio"] == "0.625"
    assert rows[0]["flags"] == "scoring impact ratio < 0.8"
    assert main([*args, "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "| Nonbinary | 5 | 2 | 40.0% | 0.667 | 2 | 40.0% | 0.667 | impact ratio < 0.8;" in markdown
    assert "independent auditor" in markdown
    assert main([*args, "--selected", "pass+review"]) == 0
    table = capsys.readouterr().out
    assert "Nonbinary" in table and "0.800" in table


def test_blind_report_joins_by_sha256_and_hints_when_keyed_by_path(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    people = [("cand-00000000", 9, "pass"), ("cand-00000001", 1, "fail")]
    report = tmp_path / "blind.json"
    report.write_text(json.dumps(_report(people)), encoding="utf-8")
    by_hash = _csv(tmp_path / "h.csv", ["sha256", "sex"], [[f"{0:064x}", "F"], [f"{1:064x}", "M"]])
    assert main(["audit", "impact", str(report), "--demographics", str(by_hash), "-f", "json"]) == 0
    assert [c["selected"] for c in json.loads(capsys.readouterr().out)["categories"]] == [1, 0]
    by_path = _csv(tmp_path / "p.csv", ["file", "sex"], [["jane.pdf", "F"]])
    assert main(["audit", "impact", str(report), "--demographics", str(by_path)]) == 2
    assert "the report is blind: key the rows by sha256" in capsys.readouterr().err
