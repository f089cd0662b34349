"""Outcomes → the report object (the JSON contract); every other format is rendered from it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from screener.model import month_label
from screener.pipeline import Outcome
from screener.rules import LoadedRules

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Skipped:
    """A file that was found but not screened (hidden, unsupported type, a link leaving the folder)."""

    file: str
    reason: str


def candidate(o: Outcome) -> dict[str, Any]:
    """One candidate row of the report."""
    row: dict[str, Any] = {"file": o.file, "sha256": o.sha256, "status": o.status,
                           "error": {"code": o.error_code, "message": o.error_message} if o.error_code else None}
    exp, assessment = o.experience, o.assessment
    if exp is None or assessment is None:
        row.update({"experience_years": None, "backend_years": None, "skills": {}, "requirements": [],
                    "score": None, "verdict": None, "reasons": [o.error_message or ""], "warnings": [],
                    "positions": []})
        return row
    row["experience_years"] = exp.total_years
    row["backend_years"] = exp.backend_years
    row["skills"] = {
        sid: {"years": s.years, "mentioned": s.mentioned, "last_used": s.last_used,
              "dated_years": round(s.dated_months / 12, 2), "claimed_years": s.claim.years if s.claim else None,
              "basis": s.basis, "coarse": s.coarse, "evidence": [e.as_dict() for e in s.evidence]}
        for sid, s in exp.skills.items()}
    row["requirements"] = [
        {"id": r.requirement.id, "label": r.requirement.label, "kind": r.requirement.kind,
         "gate": r.requirement.kind == "minimum" and r.requirement.gate, "status": r.status, "met": r.met,
         "fraction": r.fraction, "detail": r.detail, "evidence": [e.as_dict() for e in r.evidence]}
        for r in assessment.results]
    row["score"] = assessment.score
    row["verdict"] = assessment.verdict
    row["reasons"] = list(assessment.reasons)
    row["warnings"] = list(o.warnings)
    row["positions"] = [
        {"title": p.title, "organisation": p.organisation, "backend": i in exp.backend,
         "internship": i in exp.internships, "start": month_label(p.dates.start),
         "end": month_label(p.dates.end), "months": p.dates.months, "dates": p.dates.text, "coarse": p.dates.coarse,
         "calendar": p.dates.calendar, "line": p.lines[0].number if p.lines else None}
        for i, p in enumerate(exp.positions)]
    return row


def build_report(rows: Sequence[dict[str, Any]], skipped: Sequence[Skipped], loaded: LoadedRules,
                 as_of: date) -> dict[str, Any]:
    """The whole report; candidates in the order given (callers sort by file for reproducibility)."""
    verdicts = [r["verdict"] for r in rows]
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": as_of.isoformat(),
        "rules": {"path": loaded.path, "sha256": loaded.sha256, "title": loaded.rules.title},
        "candidates": rows,
        "skipped": [{"file": s.file, "reason": s.reason} for s in skipped],
        "summary": {"files": len(rows) + len(skipped), "ok": sum(r["status"] == "ok" for r in rows),
                    "errors": sum(r["status"] == "error" for r in rows), "skipped": len(skipped),
                    "pass": verdicts.count("pass"), "review": verdicts.count("review"),
                    "fail": verdicts.count("fail")},
    }


def summary_text(report: dict[str, Any]) -> str:
    """'15 files: 6 pass, 2 review, 7 fail, 0 errors, 0 skipped' — the counts add up to the files found."""
    s = report["summary"]
    return (f"{s['files']} file{'' if s['files'] == 1 else 's'}: {s['pass']} pass, {s['review']} review, "
            f"{s['fail']} fail, {s['errors']} error{'' if s['errors'] == 1 else 's'}, {s['skipped']} skipped")


def ranked(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Candidates best first: screened rows by score, then errors; ties by file name."""
    return sorted(report["candidates"], key=lambda r: (r["score"] is None, -(r["score"] or 0), r["file"]))
