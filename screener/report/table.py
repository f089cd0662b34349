"""The ranked table for a terminal (rich)."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from screener.report import Formatter
from screener.report.rows import flat_rows
from screener.result import Report

VERDICT_STYLE = {"pass": "green", "review": "yellow", "fail": "red", "": "dim"}
FILE_WIDTH = 120  # columns of a table written to a file or a pipe


class TableFormatter(Formatter):
    """The ranked table; as wide as the terminal, or ``width`` columns (without colour) elsewhere."""

    def __init__(self, width: int | None = None) -> None:
        self.width = width

    def write(self, report: Report, out: TextIO) -> None:
        terminal = self.width is None and out.isatty()
        console = Console(file=out, width=None if terminal else self.width or FILE_WIDTH,
                          no_color=not terminal, highlight=False, emoji=False)
        print_table(report, console)


def print_table(report: Report, console: Console) -> None:
    """Ranked candidates with score, verdict, years per skill and unmet minimums."""
    skills = report.skill_ids()[:5]
    table = Table(title=Text(report.rules.title), caption=Text(_caption(report)), show_lines=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("file", overflow="fold", ratio=3)
    for name in ("score", "verdict", "exp", *skills):
        table.add_column(name, justify="left" if name == "verdict" else "right", no_wrap=True)
    table.add_column("unmet minimums / error", overflow="fold", ratio=2)
    for row in flat_rows(report):
        verdict = row["verdict"]
        problem = (row["unmet_minimums"].replace("_years", "") if row["status"] == "ok"
                   else f"{row['error_code']}: {row['error_message']}")
        table.add_row(
            str(row["rank"]), Text(row["file"]), "" if row["score"] is None else f"{row['score']:.1f}",
            Text(verdict or "error", style=VERDICT_STYLE[verdict]), _years(row["experience_years"]),
            *(_years(row[f"{s}_years"]) for s in skills), Text(problem))
    console.print(table)
    for s in report.skipped:
        console.print(Text(f"skipped {s.file}: {s.reason}", style="dim"))


def _years(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _caption(report: Report) -> str:
    return f"{report.summary.text()} · as of {report.as_of} · recommendations for a person to check"
