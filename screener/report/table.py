"""The ranked table for a terminal (rich): one line per candidate at any width.

Columns give way by priority as the terminal narrows: file, score and verdict always; then the gate
minimums (all or none, so that a missing column never passes for a met one); then the rank, the total
years, and the unmet minimums or the error. File names are shortened in the middle to fit.
Nothing from a CV or a file name is read as Rich markup: every cell is a :class:`~rich.text.Text`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from screener.report import Formatter
from screener.report.rows import unmet
from screener.result import Candidate, Report, RequirementResult

VERDICT_STYLE = {"pass": "green", "review": "yellow", "fail": "red", "error": "dim red"}
STATUS_STYLE = {"met": "", "borderline": "yellow", "unmet": "red"}
FILE_WIDTH = 120  # columns of a table written to a file or a pipe
MIN_FILE = 24  # the file column never gets narrower than this while another column could give way
MIN_PROBLEM = 16
GAP = 1  # blank columns between two columns
MIN_TOP, SCREEN_LINES = 10, 12  # on a terminal, rows shown by default: its height less the lines around them


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    cell: Callable[[Candidate, int], Text]  # (candidate, rank) → cell
    justify: str = "right"


class TableFormatter(Formatter):
    """The ranked table; as wide as the terminal, or ``width`` columns (without colour) elsewhere.

    ``top``: the best N candidates only (0: all). By default a terminal shows as many as fit its
    height, and a file or a pipe gets them all."""

    def __init__(self, width: int | None = None, top: int | None = None) -> None:
        self.width = width
        self.top = top

    def write(self, report: Report, out: TextIO) -> None:
        if self.width is None and out.isatty():
            console = Console(file=out, highlight=False, emoji=False, markup=False)
            print_table(report, console, max(MIN_TOP, console.height - SCREEN_LINES) if self.top is None else self.top)
            return
        buffer = io.StringIO()  # plain text without the padding that centres the title
        print_table(report, Console(file=buffer, width=self.width or FILE_WIDTH, no_color=True, highlight=False,
                                    emoji=False, markup=False), self.top or 0)
        out.writelines(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def print_table(report: Report, console: Console, top: int = 0) -> None:
    """Ranked candidates: file, score and verdict and, as far as the width allows, the gate minimums;
    the best ``top`` only when it is not 0, with a line saying how many more there are."""
    ranked = report.ranked()
    hidden = len(ranked) - top if 0 < top < len(ranked) else 0
    ranked = ranked[:len(ranked) - hidden]
    rank = Column("#", len(str(len(ranked))), lambda c, n: Text(str(n)))
    gates = _gate_columns(report)
    total = Column("exp", 4, lambda c, n: _years(c.experience_years))
    fixed = [Column("score", 5, lambda c, n: Text("" if c.score is None else f"{c.score:.1f}")),
             Column("verdict", 7, lambda c, n: Text(c.verdict or "error", VERDICT_STYLE[c.verdict or "error"]), "left")]
    room = console.width - _cost(fixed)  # for the file, the optional columns and the problem
    shown: list[Column] = []
    for group in ([gates] if gates else []) + [[rank], [total]]:  # by priority: each only after the one before
        if room - _cost(group) < MIN_FILE:
            break
        shown += group
        room -= _cost(group)
    longest = max((cell_len(c.file) for c in ranked), default=4)
    show_problem = room - longest - GAP >= MIN_PROBLEM
    file_width = max(4, min(longest, room) if show_problem else room)
    columns = ([rank] if rank in shown else []) + [
        Column("file", file_width, lambda c, n: Text(shorten_middle(c.file, file_width)), "left"),
        *fixed, *gates * (gates[0] in shown if gates else False), *([total] if total in shown else [])]
    if show_problem:
        columns.append(Column("unmet minimums / error", MIN_PROBLEM, lambda c, n: Text(_problem(c)), "left"))

    table = Table(title=Text(report.rules.title),
                  caption=Text(f"as of {report.as_of} · recommendations for a person to check, never decisions"),
                  box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 0), collapse_padding=True)
    for col in columns:
        flexible = col is columns[-1] and show_problem
        table.add_column(col.header, justify=col.justify, no_wrap=True, overflow="ellipsis",  # type: ignore[arg-type]
                         width=None if flexible else max(col.width, cell_len(col.header)),
                         min_width=col.width if flexible else None)
    for n, c in enumerate(ranked, start=1):
        table.add_row(*(col.cell(c, n) for col in columns))
    console.print(table)
    if hidden:
        console.print(Text(f"… and {hidden} more, not shown: --top 0 shows every row, and -o report.html writes "
                           "them all to a page to sort and search", style="bold"))
    for s in report.skipped:
        console.print(Text(f"skipped {s.file}: {s.reason}", style="dim"), overflow="ellipsis", no_wrap=True)


def _problem(c: Candidate) -> str:
    return unmet(c).replace("_years", "") if c.error is None else f"{c.error.code}: {c.error.message}"


def _cost(columns: Sequence[Column]) -> int:
    return sum(max(c.width, cell_len(c.header)) + GAP for c in columns)


def _gate_columns(report: Report) -> list[Column]:
    """A column per gate minimum of the rules: years held, or ✓/✗ for a skill that must be named."""
    first = next((c for c in report.candidates if c.requirements), None)
    if first is None:
        return []
    columns = []
    for i, r in enumerate(first.requirements):
        if not r.gate:
            continue
        header = r.skills[0] if len(r.skills) == 1 else r.id
        if r.measure == "years":
            columns.append(Column(header, 4, _years_cell(i)))
        else:
            columns.append(Column(header, 1, _mark_cell(i), "center"))
    return columns


def _years_cell(index: int) -> Callable[[Candidate, int], Text]:
    def cell(c: Candidate, rank: int) -> Text:
        if len(c.requirements) <= index:
            return Text("")
        r = c.requirements[index]
        return Text(_held(c, r), STATUS_STYLE[r.status])
    return cell


def _held(c: Candidate, r: RequirementResult) -> str:
    of = r.skills[0]
    value = (c.backend_years if of == "backend" else c.experience_years if of == "total"
             else c.skills[of].years if of in c.skills else None)
    return "" if value is None else f"{value:.1f}"


def _mark_cell(index: int) -> Callable[[Candidate, int], Text]:
    def cell(c: Candidate, rank: int) -> Text:
        if len(c.requirements) <= index:
            return Text("")
        r = c.requirements[index]
        return Text("✓", "green") if r.met else Text("✗", STATUS_STYLE[r.status] or "red")
    return cell


def _years(value: float | None) -> Text:
    return Text("" if value is None else f"{value:.1f}")


def shorten_middle(name: str, width: int) -> str:
    """``name`` in at most ``width`` terminal cells, with '…' in place of its middle (the start and the
    extension are what tell files apart)."""
    if cell_len(name) <= width:
        return name
    if width <= 1:
        return "…"[:width]
    tail_budget = (width - 1) // 2
    head_budget = width - 1 - tail_budget
    head, tail = "", ""
    for ch in name:
        if cell_len(head + ch) > head_budget:
            break
        head += ch
    for ch in reversed(name):
        if cell_len(ch + tail) > tail_budget:
            break
        tail = ch + tail
    return f"{head}…{tail}"
