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
from typing import Literal

from screener.model import Evidence, Experience, Line
from screener.phrases import phrase_body, whole_words
from screener.rules.schema import Requirement, Rules

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


class Assessor:
    """Built once per rules file."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.keyword_patterns = {r.id: _keyword_pattern(r.keywords) for r in rules.requirements if r.keywords}

    def assess(self, experience: Experience, lines: tuple[Line, ...], warnings: tuple[str, ...] = ()) -> Assessment:
        results = tuple(self._check(r, experience, lines) for r in self.rules.requirements)
        total_weight = sum(r.requirement.weight for r in results)
        score = round(100 * sum(r.requirement.weight * r.fraction for r in results) / total_weight, 1)
        verdict, reasons = self._verdict(results, experience, lines, warnings)
        return Assessment(results, score, verdict, reasons)

    def _check(self, r: Requirement, exp: Experience, lines: tuple[Line, ...]) -> RequirementResult:
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
        if r.within is not None:
            context = _lines_naming(exp, r.within)
            return self._keywords(r, tuple(line for line in lines if line.number in context),
                                  f" where {self.rules.skills[r.within].label} is named")
        return self._keywords(r, lines)

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

    def _keywords(self, r: Requirement, lines: tuple[Line, ...], where: str = "") -> RequirementResult:
        """Distinct phrases found in the lines; ``where`` says which lines they were (for the detail)."""
        keywords = r.keywords or []
        pattern = self.keyword_patterns[r.id]
        found: dict[str, Evidence] = {}
        if not pattern.search("\n".join(line.text for line in lines)):  # one pass when nothing matches
            lines = ()
        for line in lines:
            # one match per stretch of text: 'GitLab CI/CD' is 'GitLab CI' once, not also 'CI/CD' and 'CI'
            for match in pattern.finditer(line.text):
                keyword = keywords[int(str(match.lastgroup)[1:])]
                found.setdefault(keyword, Evidence(f"line {line.number}: '{match.group(0)}'", line.text.strip(),
                                                   match=match.group(0)))
        found = {k: found[k] for k in keywords if k in found}  # in the rules file's order
        # count distinct words found ('partition' and 'partitions' once)
        distinct = {re.sub(r"(es|s|ed|ing)$", "", k.lower()) for k in found}
        fraction = min(1.0, len(distinct) / r.at_least)
        status: Status = "met" if len(distinct) >= r.at_least else "unmet"
        detail = f"found {len(distinct)}{where} (needs {r.at_least}): " + (", ".join(found) or "none")
        return RequirementResult(r, status, round(fraction, 4), detail, tuple(found.values()))

    def _verdict(self, results: tuple[RequirementResult, ...], exp: Experience, lines: tuple[Line, ...],
                 warnings: tuple[str, ...]) -> tuple[Verdict, tuple[str, ...]]:
        gates = [x for x in results if x.requirement.kind == "minimum" and x.requirement.gate]
        unmet = [f"not met: {x.requirement.label} ({x.detail})" for x in gates if x.status == "unmet"]
        borderline = [f"borderline: {x.requirement.label} ({x.detail})" for x in gates if x.status == "borderline"]
        doubts = []
        if not exp.positions:
            doubts.append("no dated positions were found, so years could not be measured: read the CV")
        if sum(len(line.text) for line in lines) < MIN_TEXT_CHARS:
            doubts.append("very little text was extracted")
        doubts += [f"document: {w}" for w in warnings]
        if not exp.positions:
            return "review", tuple(doubts + unmet + borderline)
        if unmet:
            return "fail", tuple(unmet + borderline + doubts)
        if borderline or doubts:
            return "review", tuple(borderline + doubts)
        return "pass", ("every gate minimum is met",)


def _keyword_pattern(keywords: list[str]) -> re.Pattern[str]:
    """One pattern for a requirement's keywords, longest first, so that a phrase inside a longer one
    found at the same place is not counted again. Group 'k<i>' is keywords[i]; an all-capitals keyword
    ('CAP', 'EOS') is matched case-sensitively."""
    def alternative(i: int) -> str:
        body = phrase_body(keywords[i])
        if keywords[i].isupper() and len(keywords[i]) > 1:
            body = f"(?-i:{body})"
        return f"(?P<k{i}>{body})"
    order = sorted(range(len(keywords)), key=lambda i: len(keywords[i]), reverse=True)
    return whole_words(alternative(i) for i in order)


def _lines_naming(exp: Experience, skill: str) -> set[int]:
    """The lines of the positions that name a skill, and the other lines that name it themselves."""
    named = exp.skills[skill].mention_lines
    lines = set(named)
    for p in exp.positions:
        numbers = {line.number for line in p.lines}
        if numbers & named:
            lines |= numbers
    return lines
