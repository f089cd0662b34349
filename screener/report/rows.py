"""Flat rows (one per candidate, best first) for the tabular formats: CSV, JSON Lines, Markdown, HTML."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from screener.result import Candidate, Report


def unmet(c: Candidate) -> str:
    """The gate minimums a candidate misses or only nearly meets, by id."""
    return "; ".join(f"{r.id}{'' if r.status == 'unmet' else ' (borderline)'}"
                     for r in c.requirements if r.gate and r.status != "met")


def flat_rows(report: Report) -> Iterator[dict[str, Any]]:
    """Ranked rows with per-skill years as columns."""
    skills = report.skill_ids()
    for rank, c in enumerate(report.ranked(), start=1):
        flat: dict[str, Any] = {
            "rank": rank, "file": c.file, "status": c.status, "verdict": c.verdict or "",
            "score": c.score, "experience_years": c.experience_years, "backend_years": c.backend_years}
        for s in skills:
            flat[f"{s}_years"] = c.skills[s].years if s in c.skills else None
        flat["unmet_minimums"] = unmet(c) if c.status == "ok" else ""
        flat["error_code"] = c.error.code if c.error else ""
        flat["error_message"] = c.error.message if c.error else ""
        flat["sha256"] = c.sha256 or ""
        yield flat
