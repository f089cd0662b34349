"""Measuring: résumé + skill taxonomy → years per skill, total and backend experience, with evidence.

Years of a skill are the union of the months of the dated positions whose own text names it, so
overlapping jobs never count twice. A skill named only outside the dated positions is 'mentioned'
with 0 dated years; an explicit claim ('5+ years of Go') stands in only when no dated position names
the skill and the claim is more than a year away from that (a claim within a year agrees with it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from screener.model import Claim, Evidence, Experience, Position, Resume, SkillExperience, Tokens, month_label
from screener.parse.vocabulary import Vocabulary, default_vocabulary
from screener.phrases import phrase_pattern
from screener.rules.schema import Roles, Rules

if TYPE_CHECKING:  # spaCy is imported only where a parse is matched
    from screener.skills import Mention, SkillFinder

CLAIM_AGREES_YEARS = 1.0  # a claim this close to the dated years is just text


def vocabulary_for(rules: Rules) -> Vocabulary:
    """The shipped vocabulary plus the rules file's own words (:meth:`Rules.parser_words`)."""
    headings, job_titles = rules.parser_words()
    return default_vocabulary().extended(headings=headings, job_titles=job_titles)


# A title's qualifier: words in brackets, or after a comma or a spaced dash ('Software Engineer
# (Front-End)', 'Software Engineer, Infrastructure', 'Squad Lead — Payments').
_QUALIFIER = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]|(?:,|\s[-–—|]\s)(.*)$")


class RoleClassifier:
    """The one judge of positions: job or not, backend or not, internship or not. Its words come
    from the rules file (``roles``) and the vocabulary (job-title words)."""

    def __init__(self, roles: Roles, vocab: Vocabulary) -> None:
        self.titles = vocab.job_titles
        self.backend = phrase_pattern(roles.backend)
        self.not_backend = phrase_pattern(roles.not_backend)
        self.technical = phrase_pattern(roles.technical)
        self.backend_work = phrase_pattern(roles.backend_work)
        self.not_position = phrase_pattern(roles.not_positions)
        self.education = phrase_pattern(roles.education)
        self.internship = phrase_pattern(roles.internship)

    def is_position(self, p: Position) -> bool:
        """Not a break, and not a degree: 'BSc Informatics, Universitas Gadjah Mada, 2013 – 2017'."""
        if self.not_position.search(p.title):
            return False
        header = f"{p.title} {p.organisation}"
        return not (self.education.search(header) and not self.titles.search(header))

    def is_backend(self, p: Position) -> bool:
        """Decided by the title's qualifier when it names a kind of work ('Software Engineer
        (Front-End)' is not backend, 'Squad Lead (leads backend engineers)' is), else by the title's
        own words (backend → not backend → technical), else by the position's own text: a title that
        is none of these ('CTO', 'Consultant', 'Owner') is backend when its text names backend work
        more often than other work ('Wrote the order API' is; 'model infrastructure serving API
        requests' is not). An internship is backend only when its own words name backend work
        ('Django backend development'), whatever its title's generic words ('Software Engineering')."""
        by_title = self._by_title(p.title)
        if by_title is False:
            return False
        if self.is_internship(p):
            return bool(self.backend_work.search(p.text))
        if by_title or self.technical.search(p.title):
            return True
        return len(self.backend_work.findall(p.text)) > len(self.not_backend.findall(p.text))

    def _by_title(self, title: str) -> bool | None:
        """Backend, not backend, or undecided by the title's backend and not-backend words."""
        qualifier = " ".join(g for m in _QUALIFIER.finditer(title) for g in m.groups() if g)
        main = _QUALIFIER.sub(" ", title)
        for words in (qualifier, main):
            backend, not_backend = self.backend.search(words), self.not_backend.search(words)
            if backend or not_backend:
                return bool(backend) and not (not_backend and words is qualifier)
        return None

    def is_internship(self, p: Position) -> bool:
        return bool(self.internship.search(p.title))


def months_of(positions: Iterable[Position]) -> set[int]:
    """The distinct months covered by the positions (the union of their ranges)."""
    months: set[int] = set()
    for p in positions:
        months.update(range(p.dates.start, p.dates.end + 1))
    return months


def describe(p: Position, number: int) -> str:
    """'position 2: Backend Engineer, Acme' — how evidence names a position."""
    return f"position {number}: " + ", ".join(x for x in (p.title, p.organisation) if x)


def position_evidence(p: Position, number: int, text: str, match: str | None = None) -> Evidence:
    return Evidence(describe(p, number), text, month_label(p.dates.start), month_label(p.dates.end),
                    p.dates.months, match)


def measure(resume: Resume, rules: Rules, finder: SkillFinder, classifier: RoleClassifier,
            tokens: Tokens | None = None) -> Experience:
    """Years per skill, total and backend experience, each with the evidence behind it; ``tokens``
    are the résumé's lines already tokenised (from the parse cache)."""
    positions = tuple(p for p in resume.positions if classifier.is_position(p))
    numbered = list(enumerate(positions, start=1))
    mentions = finder.mentions(resume.lines, tokens)
    claims = finder.claims(mentions)
    position_of_line: dict[int, list[tuple[int, Position, str]]] = {}
    for n, p in numbered:
        for line in p.lines:
            position_of_line.setdefault(line.number, []).append((n, p, line.text))

    skills = {}
    for skill_id in rules.skills:
        own = [m for m in mentions if m.skill == skill_id]
        skills[skill_id] = _skill(skill_id, own, [c for c in claims if c.skill == skill_id], position_of_line)

    backend = [(n, p) for n, p in numbered if classifier.is_backend(p)]
    return Experience(
        total_months=len(months_of(positions)),
        backend_months=len(months_of(p for _, p in backend)),
        skills=skills,
        positions=positions,
        backend=frozenset(n - 1 for n, _ in backend),
        internships=frozenset(n - 1 for n, p in numbered if classifier.is_internship(p)),
        evidence_total=tuple(position_evidence(p, n, p.dates.text) for n, p in numbered),
        evidence_backend=tuple(position_evidence(p, n, p.title) for n, p in backend),
    )


def _owner(m: Mention, owners: list[tuple[int, Position, str]]) -> tuple[int, Position]:
    """The position a mention belongs to. A line split between two positions (a job's 'Stack:' line
    glued to the next employer's line) belongs to each by the part of it each holds."""
    for n, p, text in owners:
        start = m.line.text.find(text)
        if len(owners) == 1 or 0 <= start <= m.column < start + len(text):
            return n, p
    return owners[0][:2]


def _owners(m: Mention, owners: list[tuple[int, Position, str]]) -> list[tuple[int, Position]]:
    """Every position that holds the mention's whole line (details shared by roles listed together
    under one employer), else the one position that holds its part of the line."""
    whole = [(n, p) for n, p, text in owners if text == m.line.text]
    return whole if len(whole) > 1 else [_owner(m, owners)]


def _skill(skill_id: str, mentions: list[Mention], claims: list[Claim],
           position_of_line: dict[int, list[tuple[int, Position, str]]]) -> SkillExperience:
    used: dict[int, tuple[Position, Mention]] = {}
    elsewhere: list[Mention] = []
    for m in mentions:
        if m.line.number in position_of_line:
            for n, p in _owners(m, position_of_line[m.line.number]):
                used.setdefault(n, (p, m))
        else:
            elsewhere.append(m)
    dated_months = len(months_of(p for p, _ in used.values()))
    evidence = [position_evidence(p, n, m.line.text.strip(), m.words) for n, (p, m) in sorted(used.items())]
    outside: dict[int, Mention] = {}  # one entry per line, in order
    for m in elsewhere:
        outside.setdefault(m.line.number, m)
    evidence += [Evidence(f"line {n}", m.line.text.strip(), match=m.words) for n, m in list(outside.items())[:3]]
    claim = max(claims, key=lambda c: c.years) if claims else None
    dated_years = round(dated_months / 12, 2)
    basis: Literal["dated", "claim", "none"]
    if dated_months or (claim and claim.years - dated_years <= CLAIM_AGREES_YEARS):
        years, basis = dated_years, ("dated" if dated_months else "none")
    elif claim:
        years, basis = claim.years, "claim"
    else:
        years, basis = 0.0, "none"
    if claim:
        if basis == "claim":
            note = f"claim used: no dated position names this skill (claimed {claim.years:g} y)"
        elif abs(claim.years - dated_years) > CLAIM_AGREES_YEARS:
            note = (f"claim of {claim.years:g} y disagrees with {dated_years:g} y of dated positions; "
                    f"the score uses the dated value")
        else:
            note = f"claim of {claim.years:g} y agrees with the dated positions ({dated_years:g} y)"
        evidence.append(Evidence(f"claim, line {claim.line}: {note}", claim.text))
    last_used = max((p.dates.end for p, _ in used.values()), default=None)
    return SkillExperience(
        skill=skill_id, dated_months=dated_months, mentioned=bool(mentions), claim=claim,
        last_used=month_label(last_used) if last_used is not None else None, years=years, basis=basis,
        coarse=any(p.dates.coarse for p, _ in used.values()), evidence=tuple(evidence),
        mention_lines=frozenset(m.line.number for m in mentions))
