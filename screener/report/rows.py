"""Flat rows (one per candidate) for the tabular formats: CSV, JSON Lines, Markdown, HTML, terminal."""

from __future__ import annotations

from typing import Any

from screener.report.build import ranked


def skill_ids(report: dict[str, Any]) -> list[str]:
    """The skill columns, in the rules file's order (taken from the first screened row)."""
    for row in report["candidates"]:
        if row["skills"]:
            return list(row["skills"])
    return []


def unmet(row: dict[str, Any]) -> str:
    """The gate minimums a candidate misses or only nearly meets, by id."""
    return "; ".join(f"{r['id']}{'' if r['status'] == 'unmet' else ' (borderline)'}"
                     for r in row["requirements"] if r["gate"] and r["status"] != "met")


def flat_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Ranked rows with per-skill years as columns."""
    skills = skill_ids(report)
    rows = []
    for rank, row in enumerate(ranked(report), start=1):
        error = row["error"] or {}
        flat: dict[str, Any] = {
            "rank": rank, "file": row["file"], "status": row["status"], "verdict": row["verdict"] or "",
            "score": row["score"], "experience_years": row["experience_years"],
            "backend_years": row["backend_years"]}
        for s in skills:
            flat[f"{s}_years"] = row["skills"][s]["years"] if s in row["skills"] else None
        flat["unmet_minimums"] = unmet(row) if row["status"] == "ok" else ""
        flat["error_code"] = error.get("code") or ""
        flat["error_message"] = error.get("message") or ""
        flat["sha256"] = row["sha256"] or ""
        rows.append(flat)
    return rows
