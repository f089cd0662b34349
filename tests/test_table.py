"""The terminal table: one line per candidate at 80 columns, columns giving way by priority."""

from __future__ import annotations

import dataclasses

import pytest
from rich.cells import cell_len

from screener.report.table import TableFormatter, shorten_middle
from screener.result import Candidate, Report

GATES = ("backend", "go", "kafka", "mysql", "redis", "docker")


def lines_of(report: Report, width: int) -> list[str]:
    return TableFormatter(width).render(report).splitlines()


def header(lines: list[str]) -> list[str]:
    return next(line for line in lines if "file" in line.split()).split()


def test_at_80_columns_every_candidate_is_one_line_with_the_gates(samples_report: Report) -> None:
    lines = lines_of(samples_report, 80)
    assert max(cell_len(line) for line in lines) <= 80
    assert header(lines) == ["#", "file", "score", "verdict", *GATES]
    for rank, c in enumerate(samples_report.ranked(), start=1):
        [row] = [line for line in lines if line.split()[:2] == [str(rank), c.file]]
        assert row.split()[3] == c.verdict and float(row.split()[2]) == c.score
        assert row.split()[4] == f"{c.backend_years:.1f}" and row.split()[-1] in ("✓", "✗")


def test_docker_shows_whether_it_is_named(samples_report: Report) -> None:
    first, *rest = samples_report.ranked()
    unnamed = dataclasses.replace(first, requirements=tuple(
        dataclasses.replace(r, status="unmet") if r.id == "docker" else r for r in first.requirements))
    report = Report.of(samples_report.as_of, samples_report.rules, [unnamed, *rest], [])
    row = next(line for line in lines_of(report, 80) if first.file in line)
    assert row.split()[-1] == "✗"


def test_long_names_are_shortened_in_the_middle(samples_report: Report) -> None:
    first, *rest = samples_report.ranked()
    name = "applications/2026/backend-senior/" + "x" * 80 + "-final-version.pdf"
    report = Report.of(samples_report.as_of, samples_report.rules, [dataclasses.replace(first, file=name), *rest],
                       samples_report.skipped)
    lines = lines_of(report, 80)
    [row] = [line for line in lines if "…" in line]
    file_cell = row.split()[1]
    assert file_cell.startswith("applications") and file_cell.endswith("version.pdf") and "…" in file_cell
    assert len(lines) == len(lines_of(samples_report, 80)) and max(map(cell_len, lines)) <= 80


@pytest.mark.parametrize("width", [60, 50])
def test_a_narrow_terminal_keeps_file_score_and_verdict(samples_report: Report, width: int) -> None:
    lines = lines_of(samples_report, width)
    assert header(lines)[:3] == ["file", "score", "verdict"] and not set(GATES) & set(header(lines))
    assert max(cell_len(line) for line in lines) <= width
    for c in samples_report.candidates:
        assert sum(line.startswith(c.file + " ") for line in lines) == 1


def test_a_wide_terminal_adds_rank_total_years_and_what_is_unmet(samples_report: Report) -> None:
    lines = lines_of(samples_report, 120)
    assert header(lines)[:2] == ["#", "file"] and header(lines)[-5:] == ["exp", "unmet", "minimums", "/", "error"]
    row = next(line for line in lines if "02-near-miss-go.docx" in line)
    assert row.rstrip().endswith(" go")


def test_an_error_row_shows_its_code_and_message(samples_report: Report) -> None:
    report = Report.of(samples_report.as_of, samples_report.rules,
                       [*samples_report.candidates, Candidate.failed("scan.pdf", "no_text", "It is an image.")], [])
    row = next(line for line in lines_of(report, 120) if "scan.pdf" in line)
    assert "error" in row.split() and row.rstrip().endswith("no_text: It is an image.")


def test_shorten_middle_counts_terminal_cells() -> None:
    assert shorten_middle("short.pdf", 20) == "short.pdf"
    assert shorten_middle("abcdefghij-klmnop.pdf", 11) == "abcde…p.pdf"
    wide = shorten_middle("履歴書-山田太郎-バックエンド.pdf", 14)
    assert cell_len(wide) <= 14 and wide.endswith(".pdf") and wide.startswith("履歴")


def test_top_shows_the_best_rows_and_says_how_many_more(samples_report: Report) -> None:
    ranked = samples_report.ranked()
    lines = TableFormatter(width=120, top=3).render(samples_report).splitlines()
    assert [line.split()[1] for line in lines if line.split()[:1] in (["1"], ["2"], ["3"], ["4"])] == \
        [c.file for c in ranked[:3]]
    assert not any(c.file in line for c in ranked[3:] for line in lines)
    assert any(f"and {len(ranked) - 3} more" in line and "--top 0" in line for line in lines)
    everything = TableFormatter(width=120, top=0).render(samples_report)
    assert all(c.file in everything for c in ranked) and "more, not shown" not in everything
