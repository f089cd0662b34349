"""Compare screener rows with the zoo's truth, with the development set's definitions (years within
0.25 y; verdict: pass = 1 and review = 0.5 for a CV that meets the minimums, fail or review = 1 for
one that does not; pairs: how often a CV that meets them scores above one that does not)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .source import SKILLS

TOLERANCE = 0.25


@dataclass(frozen=True)
class Case:
    file: str
    truth: dict[str, Any]
    choices: dict[str, str]


def misses(case: Case, row: dict[str, Any] | None) -> list[str]:
    """What this row gets wrong: 'experience 6.25≠7.00', 'go 0.00≠3.50', or its status."""
    if row is None or row.get("status") != "ok":
        return [f"status {row.get('status') if row else 'missing'}"]
    out = []
    if abs((row.get("experience_years") or 0.0) - case.truth["experience_years"]) > TOLERANCE + 1e-9:
        out.append(f"experience {row.get('experience_years') or 0:.2f}≠{case.truth['experience_years']:.2f}")
    for s in SKILLS:
        got = (row.get("skills") or {}).get(s, {}).get("years") or 0.0
        want = case.truth["skills"][s]["years"]
        if abs(got - want) > TOLERANCE + 1e-9:
            out.append(f"{s} {got:.2f}≠{want:.2f}")
    if out:  # which periods were read: a wrong one points at the dates, right ones at the attachment of text
        read = sorted(f"{p['start']}..{p['end']}" for p in row.get("positions") or [])
        lost = [p for p in case.truth["periods"] if p not in read]
        extra = [p for p in read if p not in case.truth["periods"]]
        out.append(f"periods {'right' if not lost and not extra else f'lost {lost} extra {extra}'}")
    return out


def summary(cases: list[Case], rows: dict[str, dict[str, Any]]) -> dict[str, float]:
    ok = [c for c in cases if rows.get(c.file, {}).get("status") == "ok"]
    errors, inside, exp_errors = [], [], []
    verdict_points, verdict_n, meets, not_meets = 0.0, 0, [], []
    for c in cases:
        row = rows.get(c.file) if c in ok else None
        skills = (row or {}).get("skills") or {}
        for s in SKILLS:
            e = abs((skills.get(s, {}).get("years") or 0.0) - c.truth["skills"][s]["years"])
            errors.append(e)
            inside.append(e <= TOLERANCE + 1e-9)
        exp_errors.append(abs(((row or {}).get("experience_years") or 0.0) - c.truth["experience_years"]))
        if c.truth["verdict_scored"]:
            verdict_n += 1
            verdict = (row or {}).get("verdict")
            score = (row or {}).get("score")
            if c.truth["meets_minimums"]:
                verdict_points += {"pass": 1.0, "review": 0.5}.get(verdict or "", 0.0)
                meets.append(score if score is not None else -1.0)
            else:
                verdict_points += 1.0 if verdict in ("fail", "review") else 0.0
                not_meets.append(score if score is not None else -1.0)
    pairs = [1.0 if a > b else 0.5 if a == b else 0.0 for a in meets for b in not_meets]
    n = len(cases)
    return {"files": n, "coverage": sum(c.file in rows for c in cases) / n, "status": len(ok) / n,
            "skill_mae": sum(errors) / len(errors), "within_tol": sum(inside) / len(inside),
            "exp_mae": sum(exp_errors) / n, "verdict": verdict_points / verdict_n if verdict_n else float("nan"),
            "pairs": sum(pairs) / len(pairs) if pairs else float("nan")}


def line(name: str, m: dict[str, float]) -> str:
    """One line in the development set's format."""
    def p(x: float) -> str:
        return "n/a" if x != x else f"{100 * x:.1f}%"

    return (f"{name}: files={m['files']} coverage={p(m['coverage'])} status={p(m['status'])} "
            f"skill_mae={m['skill_mae']:.2f}y within_tol={p(m['within_tol'])} exp_mae={m['exp_mae']:.2f}y "
            f"verdict={p(m['verdict'])} pairs={p(m['pairs'])}")


def breakdown(cases: list[Case], rows: dict[str, dict[str, Any]]) -> list[str]:
    """Per layout choice: documents, documents with a miss, and the rate; worst first."""
    docs: dict[tuple[str, str], int] = defaultdict(int)
    missed: dict[tuple[str, str], int] = defaultdict(int)
    for c in cases:
        wrong = bool(misses(c, rows.get(c.file)))
        for key, value in c.choices.items():
            if key in ("present", "ru_genitive"):
                continue
            docs[key, value] += 1
            missed[key, value] += wrong
    order = sorted(docs, key=lambda k: (-missed[k] / docs[k], k))
    return [f"  {k}={v:<16} docs={docs[k, v]:<4} missed={missed[k, v]:<4} ({100 * missed[k, v] / docs[k, v]:.0f}%)"
            for k, v in order if missed[k, v]]
