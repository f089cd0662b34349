"""The JSON contract (schema in screener/data/report.schema.json), built here and nowhere else.

Key order is part of the contract: with a pinned ``--as-of``, the same inputs give the same bytes.
"""

from __future__ import annotations

from typing import Any

from screener.model import Evidence
from screener.result import Candidate, Report, Summary

SCHEMA_VERSION = 1


def report_dict(report: Report) -> dict[str, Any]:
    """The whole report as the JSON object."""
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": report.as_of,
        "rules": {"path": report.rules.path, "sha256": report.rules.sha256, "title": report.rules.title},
        "candidates": [candidate_dict(c) for c in report.candidates],
        "skipped": [{"file": s.file, "reason": s.reason} for s in report.skipped],
        "summary": summary_dict(report.summary),
    }


def summary_dict(s: Summary) -> dict[str, int]:
    return {"files": s.files, "ok": s.ok, "errors": s.errors, "skipped": s.skipped, "pass": s.passed,
            "review": s.review, "fail": s.failed}


def candidate_dict(c: Candidate) -> dict[str, Any]:
    """One candidate of the report."""
    return {
        "file": c.file,
        "sha256": c.sha256,
        "status": c.status,
        "error": {"code": c.error.code, "message": c.error.message} if c.error else None,
        "experience_years": c.experience_years,
        "backend_years": c.backend_years,
        "skills": {
            sid: {"years": s.years, "mentioned": s.mentioned, "last_used": s.last_used, "dated_years": s.dated_years,
                  "claimed_years": s.claimed_years, "basis": s.basis, "coarse": s.coarse,
                  "evidence": _evidence(s.evidence)}
            for sid, s in c.skills.items()},
        "requirements": [
            {"id": r.id, "label": r.label, "kind": r.kind, "gate": r.gate, "status": r.status, "met": r.met,
             "fraction": r.fraction, "detail": r.detail, "evidence": _evidence(r.evidence)}
            for r in c.requirements],
        "score": c.score,
        "verdict": c.verdict,
        "reasons": list(c.reasons),
        "warnings": list(c.warnings),
        "positions": [
            {"title": p.title, "organisation": p.organisation, "backend": p.backend, "internship": p.internship,
             "start": p.start, "end": p.end, "months": p.months, "dates": p.dates, "coarse": p.coarse,
             "calendar": p.calendar, "line": p.line}
            for p in c.positions],
    }


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [{"source": e.source, "text": e.text, "start": e.start, "end": e.end, "months": e.months,
             "match": e.match} for e in items]
