"""Assessing: experience + requirements → a result per requirement, a score and a verdict.

score = 100 × Σ(weight × fraction) / Σ(weight) over every requirement, where fraction is the share
met: 1 for a year count that reaches its threshold, else half of years held / years asked; skills
named / skills asked; distinct keywords found / at_least, capped at 1.
Verdict: 'fail' when a gate minimum is clearly missed, 'review' when one is borderline (within
tolerance_years below its threshold) or the document could not be read with confidence, else 'pass'.
Nothing here reads names, ages, gender, photos, nationality or addresses: only the measured skills,
experience and keyword evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from screener.model import Evidence, Experience, Findings
from screener.rules.schema import Requirement, Rules

if TYPE_CHECKING:
    from screener.findings import Found

Verdict = Literal["pass", "review", "fail"]
Status = Literal["met", "borderline", "unmet"]
MIN_TEXT_CHARS = 300  # less text than this is not a CV that can be read with confidence


@dataclass(frozen=True)
class RequirementResult:
    requirement: Requirement
    status: Status
    fraction: float
    detail: str  # e.g. '1.58 y of Go; needs 2'
    evidence: tuple[Evidence, ...]

    @property
    def met(self) -> bool:
        return self.status == "met"


@dataclass(frozen=True)
class Assessment:
    results: tuple[RequirementResult, ...]
    score: float
    verdict: Verdict
    reasons: tuple[str, ...]  # why the verdict is what it is


_SUFFIX = re.compile(r"(es|s|ed|ing)$")  # 'partitions', 'partitioned': the word 'partition' again


class Assessor:
    """Built once per rules file; reads findings only (never the text), see :mod:`screener.findings`."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def assess(self, findings: Findings) -> Assessment:
        results = tuple(self._check(r, findings) for r in self.rules.requirements)
        total_weight = sum(r.requirement.weight for r in results)
        score = round(100 * sum(r.requirement.weight * r.fraction for r in results) / total_weight, 1)
        verdict, reasons = self._verdict(results, findings)
        return Assessment(results, score, verdict, reasons)

    def _check(self, r: Requirement, findings: Findings) -> RequirementResult:
        exp = findings.experience
        if r.years is not None and r.of is not None:
            return self._years(r, r.years, r.of, exp)
        if r.mentioned is not None:
            named = [s for s in r.mentioned if exp.skills[s].mentioned]
            missing = [self.rules.skills[s].label for s in r.mentioned if s not in named]
            evidence = tuple(e for s in named for e in exp.skills[s].evidence[:2])
            detail = "named: " + (", ".join(self.rules.skills[s].label for s in named) or "none")
            detail += f"; not named: {', '.join(missing)}" if missing else ""
            status: Status = "met" if not missing else "unmet"
            return RequirementResult(r, status, len(named) / len(r.mentioned), detail, evidence)
        where = f" where {self.rules.skills[r.within].label} is named" if r.within is not None else ""
        return self._keywords(r, findings.keywords[r.id], where)

    def _years(self, r: Requirement, needed: float, of: str, exp: Experience) -> RequirementResult:
        if of == "total":
            value, label, evidence = exp.total_years, "experience", exp.evidence_total
        elif of == "backend":
            value, label, evidence = exp.backend_years, "backend experience", exp.evidence_backend
        else:
            skill = exp.skills[of]
            value, label, evidence = skill.years, self.rules.skills[of].label, skill.evidence
            if skill.basis == "claim":
                label += " (claimed, no dated position: verify)"
        claimed_only = of in exp.skills and exp.skills[of].basis == "claim"
        if value + 1e-9 >= needed:
            # a threshold met only by an undated claim is for a person to verify
            status: Status = "borderline" if claimed_only else "met"
        elif value + self.rules.tolerance_years + 1e-9 >= needed:
            status = "borderline"
        else:
            status = "unmet"
        # below the threshold, the years held earn half their share: missing a minimum costs more
        # than any difference between candidates who meet it
        fraction = 1.0 if needed <= 0 or value + 1e-9 >= needed else 0.5 * value / needed
        return RequirementResult(r, status, round(fraction, 4), f"{value:.2f} y of {label}; needs {needed:g}",
                                 tuple(evidence))

    def _keywords(self, r: Requirement, found: Found, where: str = "") -> RequirementResult:
        """Distinct phrases found; ``where`` says in which lines they were looked for (for the detail)."""
        # count distinct words found ('partition' and 'partitions' once)
        distinct = {_SUFFIX.sub("", k.lower()) for k, _ in found}
        fraction = min(1.0, len(distinct) / r.at_least)
        status: Status = "met" if len(distinct) >= r.at_least else "unmet"
        detail = f"found {len(distinct)}{where} (needs {r.at_least}): " + (", ".join(k for k, _ in found) or "none")
        return RequirementResult(r, status, round(fraction, 4), detail, tuple(e for _, e in found))

    def _verdict(self, results: tuple[RequirementResult, ...], findings: Findings) -> tuple[Verdict, tuple[str, ...]]:
        exp = findings.experience
        gates = [x for x in results if x.requirement.kind == "minimum" and x.requirement.gate]
        unmet = [f"not met: {x.requirement.label} ({x.detail})" for x in gates if x.status == "unmet"]
        borderline = [f"borderline: {x.requirement.label} ({x.detail})" for x in gates if x.status == "borderline"]
        doubts = []
        if not exp.positions:
            doubts.append("no dated positions were found, so years could not be measured: read the CV")
        if findings.text_chars < MIN_TEXT_CHARS:
            doubts.append("very little text was extracted")
        doubts += [f"document: {w}" for w in findings.warnings]
        if not exp.positions:
            return "review", tuple(doubts + unmet + borderline)
        if unmet:
            return "fail", tuple(unmet + borderline + doubts)
        if borderline or doubts:
            return "review", tuple(borderline + doubts)
        return "pass", ("every gate minimum is met",)
