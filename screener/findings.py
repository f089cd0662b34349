"""Finding: a parse + what a rules file looks for → :class:`~screener.model.Findings`.

This is the part of screening that depends on the rules' words (skills and their context rules, role
words, keywords) but not on how they score (thresholds, weights, gates, tolerance): years per skill
with their evidence, and the keywords each requirement looks for. :mod:`screener.assess` scores
findings without the text, so a threshold or weight change re-scores cached findings and a change of
words re-finds from a cached parse, both without extracting a file again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.experience import RoleClassifier, measure
from screener.model import Evidence, Experience, Findings, Line, Parsed
from screener.phrases import phrase_body, whole_words

if TYPE_CHECKING:
    import re

    from screener.parse.vocabulary import Vocabulary
    from screener.rules.schema import Requirement, Rules
    from screener.skills import SkillFinder

Found = tuple[tuple[str, Evidence], ...]  # (keyword as the rules write it, where it was found), rules' order


class Finder:
    """Built once per rules file; the skill matcher (spaCy) only when a parse is matched."""

    def __init__(self, rules: Rules, vocabulary: Vocabulary) -> None:
        self.rules = rules
        self.classifier = RoleClassifier(rules.roles, vocabulary)
        self.keyword_patterns = {r.id: keyword_pattern(r.keywords) for r in rules.requirements if r.keywords}
        self._skills: SkillFinder | None = None

    @property
    def skills(self) -> SkillFinder:
        if self._skills is None:
            from screener.skills import SkillFinder

            self._skills = SkillFinder(self.rules)
        return self._skills

    def find(self, parsed: Parsed) -> Findings:
        document, resume = parsed.document, parsed.resume
        experience = measure(resume, self.rules, self.skills, self.classifier, parsed.tokens)
        keywords = {r.id: self._keywords(r, experience, document.lines) for r in self.rules.requirements
                    if r.keywords}
        return Findings(experience, keywords, sum(len(line.text) for line in document.lines),
                        document.warnings + resume.warnings)

    def _keywords(self, r: Requirement, experience: Experience, lines: tuple[Line, ...]) -> Found:
        if r.within is not None:
            context = lines_naming(experience, r.within)
            lines = tuple(line for line in lines if line.number in context)
        return find_keywords(self.keyword_patterns[r.id], r.keywords or [], lines)


def keyword_pattern(keywords: list[str]) -> re.Pattern[str]:
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


def find_keywords(pattern: re.Pattern[str], keywords: list[str], lines: tuple[Line, ...]) -> Found:
    """The distinct keywords found in the lines, each with its first place, in the rules' order."""
    found: dict[str, Evidence] = {}
    if not pattern.search("\n".join(line.text for line in lines)):  # one pass when nothing matches
        lines = ()
    for line in lines:
        # one match per stretch of text: 'GitLab CI/CD' is 'GitLab CI' once, not also 'CI/CD' and 'CI'
        for match in pattern.finditer(line.text):
            keyword = keywords[int(str(match.lastgroup)[1:])]
            found.setdefault(keyword, Evidence(f"line {line.number}: '{match.group(0)}'", line.text.strip(),
                                               match=match.group(0)))
    return tuple((k, found[k]) for k in keywords if k in found)


def lines_naming(exp: Experience, skill: str) -> set[int]:
    """The lines of the positions that name a skill, and the other lines that name it themselves."""
    named = exp.skills[skill].mention_lines
    lines = set(named)
    for p in exp.positions:
        numbers = {line.number for line in p.lines}
        if numbers & named:
            lines |= numbers
    return lines
