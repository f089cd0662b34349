"""``screener audit verify`` and ``screener audit impact``, and the options that choose the audit log.

Thin shells over :mod:`screener.audit`. Exit codes: 0 intact / computed, 1 the log is not intact,
2 a usage error (a missing file, a demographics row that matches no candidate or repeats a key).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from screener.errors import ScreenerError

if TYPE_CHECKING:
    from screener.result import Report

audit_app = typer.Typer(no_args_is_help=True, help="Check the audit log; compute adverse-impact figures.")
EXIT_BROKEN = 1

AuditLogOption = Annotated[Path | None, typer.Option(
    "--audit-log", help="Append this run's record to this audit log (default: audit.jsonl in the user data "
                        "folder; 'screener audit verify' checks it).")]
NoAuditOption = Annotated[bool, typer.Option("--no-audit", help="Do not record this run in the audit log.")]
BlindOption = Annotated[bool, typer.Option(
    "--blind", help="Show no name, contact details, address, profile links, age, gender, pronouns, nationality "
                    "or photo, in any format or evidence line; name each candidate cand-<first 8 hex of its "
                    "sha256> instead of its path.")]
BlindKeyOption = Annotated[Path | None, typer.Option(
    "--blind-key", help="With --blind: write the key from each cand- id to its file here (CSV, mode 0600).")]


class ImpactFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


class Selected(StrEnum):
    passed = "pass"
    pass_review = "pass+review"


def audit_path(audit_log: Path | None, no_audit: bool) -> Path | None:
    """The log this run appends to (None with --no-audit), checked before any CV is screened."""
    if no_audit:
        return None
    from screener.audit.log import check_writable, default_log_path

    path = audit_log or default_log_path()
    check_writable(path)
    return path


def record_run(log: Path | None, command: str, options: dict[str, Any], reports: Sequence[Report],
               blind: bool = False) -> None:
    """Append a run's record to the audit log (nothing with --no-audit)."""
    if log is None:
        return
    from screener.audit.log import append
    from screener.audit.records import reports_record

    append(log, reports_record(command, options, reports, blind))


def check_blind_key(blind: bool, blind_key: Path | None) -> None:
    if blind_key is not None and not blind:
        raise typer.BadParameter("the key is written only in blind mode: add --blind", param_hint="--blind-key")


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
    from screener.report.output import write_output

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
