"""What screening produces, as immutable values: an :class:`Outcome` in the process that screened a
file, a slim :class:`Candidate` that crosses from a worker to the parent, and the :class:`Report`.

Every view (the JSON contract, CSV, the terminal table, ``check``, ``diff``, ``explain``) reads these
types; only :mod:`screener.report.contract` turns them into the JSON object. This module imports no
stage of the pipeline, so discovery and the CLI can use it without loading spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

from screener.model import Evidence, month_label

if TYPE_CHECKING:
    from screener.assess import Assessment
    from screener.model import Document, Experience, Findings, Resume
    from screener.rules import LoadedRules
    from screener.rules.schema import Requirement

Status = Literal["ok", "error"]
Verdict = Literal["pass", "review", "fail"]
RequirementStatus = Literal["met", "borderline", "unmet"]
Measure = Literal["years", "mentioned", "keywords"]


@dataclass(frozen=True)
class Skipped:
    """A file that was found but not screened (hidden, unsupported type, a link leaving the folder)."""

    file: str
    reason: str


@dataclass(frozen=True)
class Failure:
    """Why a file could not be screened: a stable code (see :data:`screener.errors.ERROR_CODES`) and a sentence."""

    code: str
    message: str


@dataclass(frozen=True)
class Outcome:
    """A screened file with its intermediate values, in the process that screened it. ``document`` and
    ``resume`` are None when its findings came from the parse cache and nothing needed the text."""

    file: str
    sha256: str | None
    status: Status
    error_code: str | None = None
    error_message: str | None = None
    document: Document | None = None
    resume: Resume | None = None
    findings: Findings | None = None
    assessment: Assessment | None = None

    @property
    def experience(self) -> Experience | None:
        return self.findings.experience if self.findings else None

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the extractor and the parser doubt about this file."""
        return self.findings.warnings if self.findings else ()


@dataclass(frozen=True)
class SkillResult:
    years: float  # the value the score uses
    mentioned: bool
    last_used: str | None  # YYYY-MM
    dated_years: float
    claimed_years: float | None
    basis: Literal["dated", "claim", "none"]
    coarse: bool
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class RequirementResult:
    """One requirement of the rules for one candidate, in the posting's words."""

    id: str
    label: str
    kind: Literal["minimum", "nice_to_have"]
    gate: bool  # a minimum whose clear miss makes the verdict 'fail'
    status: RequirementStatus
    fraction: float
    detail: str
    evidence: tuple[Evidence, ...]
    measure: Measure  # how it is checked (not part of the JSON contract)
    skills: tuple[str, ...] = ()  # the skill ids it measures: 'of' or 'mentioned' (not in the contract)

    @property
    def met(self) -> bool:
        return self.status == "met"


@dataclass(frozen=True)
class PositionResult:
    title: str
    organisation: str
    backend: bool
    internship: bool
    start: str  # YYYY-MM
    end: str
    months: int
    dates: str  # the words the dates were read from
    coarse: bool
    calendar: str
    line: int | None


@dataclass(frozen=True)
class Candidate:
    """One row of a report: small, picklable, and everything a report shows of a file."""

    file: str
    sha256: str | None
    status: Status
    error: Failure | None = None
    experience_years: float | None = None
    backend_years: float | None = None
    skills: Mapping[str, SkillResult] = field(default_factory=dict)  # by skill id, in the rules' order
    requirements: tuple[RequirementResult, ...] = ()
    score: float | None = None
    verdict: Verdict | None = None
    reasons: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    positions: tuple[PositionResult, ...] = ()

    @classmethod
    def failed(cls, file: str, code: str, message: str, sha256: str | None = None) -> Candidate:
        return cls(file, sha256, "error", Failure(code, message), reasons=(message,))

    @classmethod
    def from_outcome(cls, o: Outcome) -> Candidate:
        """The row of a screened file, without its text."""
        exp, assessment = o.experience, o.assessment
        if exp is None or assessment is None:
            return cls.failed(o.file, o.error_code or "internal", o.error_message or "", o.sha256)
        skills = {sid: SkillResult(s.years, s.mentioned, s.last_used, round(s.dated_months / 12, 2),
                                   s.claim.years if s.claim else None, s.basis, s.coarse, s.evidence)
                  for sid, s in exp.skills.items()}
        requirements = tuple(
            RequirementResult(r.requirement.id, r.requirement.label, r.requirement.kind,
                              r.requirement.kind == "minimum" and r.requirement.gate, r.status, r.fraction,
                              r.detail, r.evidence, *_measure(r.requirement))
            for r in assessment.results)
        positions = tuple(
            PositionResult(p.title, p.organisation, i in exp.backend, i in exp.internships, month_label(p.dates.start),
                           month_label(p.dates.end), p.dates.months, p.dates.text, p.dates.coarse, p.dates.calendar,
                           p.lines[0].number if p.lines else None)
            for i, p in enumerate(exp.positions))
        return cls(o.file, o.sha256, o.status, None, exp.total_years, exp.backend_years, skills, requirements,
                   assessment.score, assessment.verdict, assessment.reasons, o.warnings, positions)


def _measure(requirement: Requirement) -> tuple[Measure, tuple[str, ...]]:
    if requirement.years is not None and requirement.of is not None:
        return "years", (requirement.of,)
    if requirement.mentioned is not None:
        return "mentioned", tuple(requirement.mentioned)
    return "keywords", ()


@dataclass(frozen=True)
class RulesInfo:
    path: str
    sha256: str
    title: str

    @classmethod
    def of(cls, loaded: LoadedRules) -> RulesInfo:
        return cls(loaded.path, loaded.sha256, loaded.rules.title)


@dataclass(frozen=True)
class Summary:
    """The counts of a batch; they add up to the files found."""

    files: int
    ok: int
    errors: int
    skipped: int
    passed: int
    review: int
    failed: int

    @classmethod
    def of(cls, candidates: Iterable[Outcomes], skipped: int) -> Summary:
        tally = Tally()
        for c in candidates:
            tally.add(c)
        return tally.summary(skipped)

    def text(self) -> str:
        """'15 files: 6 pass, 2 review, 7 fail, 0 errors, 0 skipped'."""
        return (f"{self.files} file{'' if self.files == 1 else 's'}: {self.passed} pass, {self.review} review, "
                f"{self.failed} fail, {self.errors} error{'' if self.errors == 1 else 's'}, {self.skipped} skipped")


class Outcomes(Protocol):
    """What counting and ranking read of a row: a :class:`Candidate`, or the few fields a spool keeps of one."""

    @property
    def file(self) -> str: ...
    @property
    def status(self) -> Status: ...
    @property
    def score(self) -> float | None: ...
    @property
    def verdict(self) -> Verdict | None: ...


class Tally:
    """A batch's counts, kept as rows arrive."""

    def __init__(self) -> None:
        self.counts = {"ok": 0, "error": 0, "pass": 0, "review": 0, "fail": 0}

    def add(self, c: Outcomes) -> None:
        self.counts[c.status] += 1
        if c.verdict:
            self.counts[c.verdict] += 1

    def summary(self, skipped: int) -> Summary:
        n = self.counts
        return Summary(n["ok"] + n["error"] + skipped, n["ok"], n["error"], skipped, n["pass"], n["review"], n["fail"])


@runtime_checkable
class Ranked(Protocol):
    """Candidates that can give their ranking without being read (a spool on disk)."""

    def ranked(self) -> Sequence[Candidate]: ...


@dataclass(frozen=True)
class Report:
    """A batch: candidates in file-name order (reproducible), the files skipped, and its counts."""

    as_of: str  # YYYY-MM-DD
    rules: RulesInfo
    candidates: Sequence[Candidate]
    skipped: Sequence[Skipped]
    summary: Summary

    @classmethod
    def of(cls, as_of: str, rules: RulesInfo, candidates: Sequence[Candidate], skipped: Sequence[Skipped]) -> Report:
        return cls(as_of, rules, candidates, skipped, Summary.of(candidates, len(skipped)))

    def ranked(self) -> Sequence[Candidate]:
        """Candidates best first: screened rows by score, then errors; ties by file name."""
        if isinstance(self.candidates, Ranked):
            return self.candidates.ranked()
        return sorted(self.candidates, key=rank_key)

    def skill_ids(self) -> list[str]:
        """The skill ids, in the rules file's order (taken from the first screened row)."""
        return next((list(c.skills) for c in self.candidates if c.skills), [])


def rank_key(c: Outcomes) -> tuple[bool, float, str]:
    return score_key(c.score, c.file)


def score_key(score: float | None, file: str) -> tuple[bool, float, str]:
    """Best first: screened rows by score, then errors; ties by file name."""
    return (score is None, -(score or 0), file)
