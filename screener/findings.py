"""Finding: a parse + what a rules file looks for → :class:`~screener.model.Findings`.

This is the part of screening that depends on the rules' words (skills and their context rules, role
words, keywords) but not on how they score (thresholds, weights, gates, tolerance): years per skill
with their evidence, and the keywords each requirement looks for. :mod:`screener.assess` scores
findings without the text, so a threshold or weight change re-scores cached findings and a change of
words re-finds from a cached parse, both without extracting a file again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from screener.experience import RoleClassifier, measure
from screener.model import Evidence, Experience, Findings, Line, Parsed
from screener.phrases import phrase_body, whole_words

if TYPE_CHECKING:
    from screener.parse.vocabulary import Vocabulary
    from screener.rules.schema import Requirement, Rules
    from screener.skills import SkillFinder

Found = tuple[tuple[str, Evidence], ...]  # (keyword as the rules write it, where it was found), rules' order


class Finder:
    """Built once per rules file; the skill matcher (spaCy) only when a parse is matched."""

    def __init__(self, rules: Rules, vocabulary: Vocabulary) -> None:
        self.rules = rules
        self.classifier = RoleClassifier(rules.roles, vocabulary)
        self.keyword_searches = {r.id: KeywordSearch(r.keywords) for r in rules.requirements if r.keywords}
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
        words = LineWords(document.lines)
        keywords = {r.id: self._keywords(r, experience, words) for r in self.rules.requirements if r.keywords}
        return Findings(experience, keywords, sum(len(line.text) for line in document.lines),
                        document.warnings + resume.warnings)

    def _keywords(self, r: Requirement, experience: Experience, words: LineWords) -> Found:
        only = lines_naming(experience, r.within) if r.within is not None else None
        return self.keyword_searches[r.id].find(words, only)


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


_WORD = re.compile(r"\w+")


def folded_words(text: str) -> list[str]:
    """The words of a text as an ignore-case pattern compares them: casefolded, and 'ı' and 'İ' as 'i'
    (the letters re's IGNORECASE also takes for ASCII ones). A keyword matched in a text is, word for
    word, among the text's folded words: a keyword none of whose words a line holds is not in it."""
    return " ".join(_WORD.findall(text)).casefold().replace("ı", "i").replace("\u0307", "").split(" ")


class LineWords:
    """A document's lines, each with its folded words: looked up once for every requirement."""

    def __init__(self, lines: tuple[Line, ...]) -> None:
        self.lines = lines
        self.words = [frozenset(folded_words(line.text)) for line in lines]
        self.all = frozenset().union(*self.words)


class KeywordSearch:
    """One requirement's keywords, found line by line with :func:`keyword_pattern`, which runs only on
    lines holding a word of some keyword (each keyword's rarest-looking word: its longest)."""

    def __init__(self, keywords: list[str]) -> None:
        self.keywords = keywords
        self.pattern = keyword_pattern(keywords)
        words = [[w for w in folded_words(k) if w] for k in keywords]
        # a keyword without a word ('++') could match anywhere: then every line is searched
        self.anchors = None if not all(words) else frozenset(max(w, key=len) for w in words)

    def find(self, words: LineWords, only: set[int] | None = None) -> Found:
        """The distinct keywords found (in the lines numbered ``only``, if given), each with its first
        place, in the rules' order."""
        found: dict[str, Evidence] = {}
        if self.anchors is not None and self.anchors.isdisjoint(words.all):
            return ()
        for line, held in zip(words.lines, words.words, strict=True):
            if (only is not None and line.number not in only) or (self.anchors is not None
                                                                  and self.anchors.isdisjoint(held)):
                continue
            # one match per stretch of text: 'GitLab CI/CD' is 'GitLab CI' once, not also 'CI/CD' and 'CI'
            for match in self.pattern.finditer(line.text):
                keyword = self.keywords[int(str(match.lastgroup)[1:])]
                found.setdefault(keyword, Evidence(f"line {line.number}: '{match.group(0)}'", line.text.strip(),
                                                   match=match.group(0)))
        return tuple((k, found[k]) for k in self.keywords if k in found)


def lines_naming(exp: Experience, skill: str) -> set[int]:
    """The lines of the positions that name a skill, and the other lines that name it themselves."""
    named = exp.skills[skill].mention_lines
    lines = set(named)
    for p in exp.positions:
        numbers = {line.number for line in p.lines}
        if numbers & named:
            lines |= numbers
    return lines
