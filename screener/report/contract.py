"""The JSON contract (schema in screener/data/report.schema.json), built here and nowhere else.

Key order is part of the contract: with a pinned ``--as-of``, the same inputs give the same bytes.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

import msgspec

from screener.result import Candidate, Report, Summary
from screener.spool import Spool

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
    kept = report.candidates.texts() if isinstance(report.candidates, Spool) else None
    for n, text in enumerate(kept or map(candidate_text, report.candidates)):
        out.write(("," if n else "") + "\n    " + text.decode("utf-8"))
    out.write("\n  ],\n" if report.candidates else "],\n")
    out.write(",\n".join(f"  {_dumps(key)}: {_nested(value)}" for key, value in _tail(report).items()))
    out.write("\n}\n")


def _fields(value: Any) -> dict[str, Any]:
    """A result dataclass as the standard library's encoder needs it (msgspec encodes them itself)."""
    return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}


_ENCODE = msgspec.json.Encoder().encode
_COMPACT = json.JSONEncoder(ensure_ascii=False, default=_fields).encode
# a number msgspec may write otherwise than the standard library (1e16 for 1e+16, 0.00001 for 1e-05);
# text can look like one too, and is then written by the standard library: the same bytes, more slowly
_EXPONENT = re.compile(rb"(?:^|[:,\[])-?(?:[0-9.]+[eE]|0\.0000)")


def _dumps(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, several times faster: msgspec encodes and lays
    out the value. Where its bytes could differ from the standard library's (a float written with an
    exponent: 1e16, not 1e+16), the standard library encodes and msgspec only lays out."""
    compact = _ENCODE(value)
    if _EXPONENT.search(compact):
        return msgspec.json.format(_COMPACT(value), indent=2)
    return msgspec.json.format(compact, indent=2).decode("utf-8")


def candidate_text(c: Candidate) -> bytes:
    """A candidate as the report writes it (``_dumps``, one level down the candidates' list), without
    searching its text for numbers: a candidate's numbers are known. Rows are spooled with it, made in
    parallel where the rows are made (see :class:`screener.spool.Packed`)."""
    if not all(_positional(x) for x in _numbers(c)):
        return _dumps(_candidate(c)).replace("\n", "\n    ").encode("utf-8")
    return msgspec.json.format(_ENCODE(_candidate(c)), indent=2).replace(b"\n", b"\n    ")


def _numbers(c: Candidate) -> Iterator[float | None]:
    """Every float of a candidate (evidence holds only whole months)."""
    yield c.experience_years
    yield c.backend_years
    yield c.score
    for s in c.skills.values():
        yield s.years
        yield s.dated_years
        yield s.claimed_years
    for r in c.requirements:
        yield r.fraction


def _positional(x: float | None) -> bool:
    """Whether msgspec writes this number as the standard library does (both without an exponent)."""
    return x is None or x == 0 or 1e-4 <= abs(x) < 1e15


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
    """One candidate of the report, as plain JSON values."""
    value: dict[str, Any] = msgspec.to_builtins(_candidate(c))
    return value


def _candidate(c: Candidate) -> dict[str, Any]:
    """One candidate of the report; the results whose fields are the contract's keys stay dataclasses."""
    return {
        "file": c.file,
        "sha256": c.sha256,
        "status": c.status,
        "error": c.error,
        "experience_years": c.experience_years,
        "backend_years": c.backend_years,
        "skills": c.skills,
        "requirements": [
            {"id": r.id, "label": r.label, "kind": r.kind, "gate": r.gate, "status": r.status, "met": r.met,
             "fraction": r.fraction, "detail": r.detail, "evidence": r.evidence}
            for r in c.requirements],
        "score": c.score,
        "verdict": c.verdict,
        "reasons": c.reasons,
        "warnings": c.warnings,
        "positions": c.positions,
    }
