"""The JSON contract (schema in screener/data/report.schema.json), built here and nowhere else.

Key order is part of the contract: with a pinned ``--as-of``, the same inputs give the same bytes.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

import msgspec

from screener.model import Evidence
from screener.result import Candidate, Report, Summary

SCHEMA_VERSION = 1


def report_dict(report: Report) -> dict[str, Any]:
    """The whole report as the JSON object."""
    head, tail = _head(report), _tail(report)
    return {**head, "candidates": [candidate_dict(c) for c in report.candidates], **tail}


def write_json(report: Report, out: TextIO) -> None:
    """The report as JSON, one candidate at a time: the same bytes as ``json.dumps(report_dict(report),
    indent=2, ensure_ascii=False) + "\\n"``, without holding the whole text (or every row) at once."""
    out.write("{\n")
    for key, value in _head(report).items():
        out.write(f"  {_dumps(key)}: {_nested(value)},\n")
    out.write('  "candidates": [')
    for n, c in enumerate(report.candidates):
        out.write(("," if n else "") + "\n    " + _dumps(candidate_dict(c)).replace("\n", "\n    "))
    out.write("\n  ],\n" if report.candidates else "],\n")
    out.write(",\n".join(f"  {_dumps(key)}: {_nested(value)}" for key, value in _tail(report).items()))
    out.write("\n}\n")


_COMPACT = json.JSONEncoder(ensure_ascii=False).encode


def _dumps(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, several times faster: the standard library's
    encoder in C writes every token, and msgspec lays them out on lines, copying strings and numbers as
    written (the standard library's indenting encoder is pure Python)."""
    return msgspec.json.format(_COMPACT(value), indent=2)


def _nested(value: Any) -> str:
    """A value as it reads one level down in the indented report."""
    return _dumps(value).replace("\n", "\n  ")


def _head(report: Report) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "as_of": report.as_of,
            "rules": {"path": report.rules.path, "sha256": report.rules.sha256, "title": report.rules.title}}


def _tail(report: Report) -> dict[str, Any]:
    return {"skipped": [{"file": s.file, "reason": s.reason} for s in report.skipped],
            "summary": summary_dict(report.summary)}


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
