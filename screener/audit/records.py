"""What one run leaves in the audit log: when, which tool, which command and options, which rules,
and per file its hash and outcome. Never CV text, never anything read from a CV about the person."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from screener import __version__
from screener.audit.log import Spilled

if TYPE_CHECKING:
    from screener.result import Report


def file_entry(file: str, sha256: str | None, status: str, score: float | None, verdict: str | None,
               unmet: Sequence[str], blind: bool) -> dict[str, Any]:
    """One file's outcome; under blind mode the path is left out (the hash identifies the file)."""
    entry: dict[str, Any] = {} if blind else {"file": file}
    entry.update({"sha256": sha256, "status": status, "score": score, "verdict": verdict,
                  "unmet_gates": list(unmet)})
    return entry


def run_record(command: str, options: dict[str, Any], as_of: date,
               runs: Sequence[tuple[str, str, Iterable[dict[str, Any]]]]) -> dict[str, Any]:
    """The record of one command: ``runs`` holds (rules path, rules sha256, file entries) per rules file
    screened with (two for ``diff``). The file entries are spilled to disk as they come (see
    :class:`~screener.audit.log.Spilled`): a batch's rows are read one at a time, and so are its entries."""
    return {
        "time": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "version": __version__,
        "command": command,
        "options": options,
        "as_of": as_of.isoformat(),
        "runs": [{"rules": {"path": path, "sha256": sha256}, "files": Spilled(files)} for path, sha256, files in runs],
    }


def report_run(report: Report, blind: bool) -> tuple[str, str, Iterator[dict[str, Any]]]:
    """A report's rules and per-file outcomes, for :func:`run_record`."""
    files = (file_entry(c.file, c.sha256, c.status, c.score, c.verdict,
                        [r.id for r in c.requirements if r.gate and r.status != "met"], blind)
             for c in report.candidates)
    return report.rules.path, report.rules.sha256, files


def reports_record(command: str, options: dict[str, Any], reports: Sequence[Report], blind: bool = False
                   ) -> dict[str, Any]:
    """The record of a command that produced these reports (one per rules file)."""
    return run_record(command, options, date.fromisoformat(reports[0].as_of),
                      [report_run(r, blind) for r in reports])
