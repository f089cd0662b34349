"""``screener audit verify`` and ``screener audit impact``, and the options that choose the audit log.

Thin shells over :mod:`screener.audit`. Exit codes: 0 intact / computed, 1 the log is not intact,
2 a usage error (a missing file, a demographics row that matches no candidate or repeats a key).
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from screener.errors import ScreenerError

audit_app = typer.Typer(no_args_is_help=True, help="Check the audit log; compute adverse-impact figures.")
EXIT_BROKEN = 1

AuditLogOption = Annotated[Path | None, typer.Option(
    "--audit-log", help="Append this run's record to this audit log (default: audit.jsonl in the user data "
                        "folder; 'screener audit verify' checks it).")]
NoAuditOption = Annotated[bool, typer.Option("--no-audit", help="Do not record this run in the audit log.")]


class ImpactFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


class Selected(StrEnum):
    passed = "pass"
    pass_review = "pass+review"


def record_run(audit_log: Path | None, no_audit: bool, record: dict[str, Any]) -> None:
    """Append a run's record to the audit log unless --no-audit was given."""
    if no_audit:
        return
    from screener.audit.log import append, default_log_path

    append(audit_log or default_log_path(), record)


@audit_app.command("verify")
def verify(log: Annotated[Path | None, typer.Argument(
        help="The audit log (default: audit.jsonl in the user data folder).")] = None) -> None:
    """Check the audit log's hash chain. Exit 0 when intact; exit 1 naming the first broken or missing
    record by its line."""
    from screener.audit.log import default_log_path
    from screener.audit.log import verify as check

    path = log or default_log_path()
    if not path.is_file():
        raise ScreenerError(f"there is no audit log at '{path}'")
    result = check(path)
    out = Console(highlight=False, soft_wrap=True)
    if result.intact:
        out.print(f"OK: {path}: {result.records} records, the chain is intact. Last record's hash: {result.head} "
                  "(keep it elsewhere: it proves later that no record was removed from the end).", markup=False)
        return
    out.print(f"{path}:{result.line}: {result.problem}", markup=False)
    out.print(f"The {result.records} records before line {result.line} are intact; the log cannot be trusted "
              "from there on.", markup=False)
    raise typer.Exit(EXIT_BROKEN)


@audit_app.command("impact")
def impact_command(
    report: Annotated[Path, typer.Argument(help="A report from 'screener screen --format json'.",
                                           exists=True, dir_okay=False)],
    demographics: Annotated[Path, typer.Option(
        "--demographics", help="CSV with a 'file' or 'sha256' column and one or more category columns.",
        exists=True, dir_okay=False)],
    by: Annotated[str | None, typer.Option(
        "--by", help="Category column, or two separated by a comma for intersections (e.g. sex,race).")] = None,
    selected: Annotated[Selected, typer.Option(
        "--selected", help="Which verdicts count as selected.")] = Selected.passed,
    fmt: Annotated[ImpactFormat, typer.Option("--format", "-f", help="Output format.")] = ImpactFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the figures here.")] = None,
) -> None:
    """Selection and scoring rates and impact ratios per category (four-fifths rule flagged)."""
    from screener.audit import impact_formats
    from screener.audit.impact import impact
    from screener.cli import write_output

    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ScreenerError(f"cannot read the report '{report}': {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("candidates"), list):
        raise ScreenerError(f"'{report}' is not a screener JSON report (no 'candidates' list)")
    columns = [c.strip() for c in by.split(",")] if by else None
    result = impact(data, demographics, columns, selected.value)
    if fmt is ImpactFormat.table and output is None:
        Console(width=None if Console().is_terminal else 160).print(impact_formats.render_table(result))
        return
    render = {ImpactFormat.table: impact_formats.render_markdown, ImpactFormat.markdown: impact_formats.render_markdown,
              ImpactFormat.csv: impact_formats.render_csv, ImpactFormat.json: impact_formats.render_json}[fmt]
    write_output(render(result), output)


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
