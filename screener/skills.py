"""Find where a CV names each skill, with spaCy rule-based matchers on a blank English pipeline.

Unambiguous aliases ('Golang', 'Apache Kafka') go through a case-insensitive ``PhraseMatcher``.
Names that are also English words ('Go', 'Rust') are found as single tokens and then kept only in
a technical context: capitalised and not followed by a word that makes them English ('Go live',
'go through', 'Go-live'), or standing in a list ('go, python'). Names too common even capitalised
('C', 'R', 'Chef') need more: a list, 'in'/'with'/'using' before them, or a word of their own after
them ('Chef cookbooks'). Explicit claims ('5+ years of Go', 'Kafka (2 years)') are read around each
mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from screener.model import Claim, Line, Tokens
from screener.phrases import phrase_pattern
from screener.rules.schema import Rules

_LIST_BEFORE = {",", "/", ":", "(", "|", "·", "•", "&", ";", "+", "[", "-", "–", "—", "、", "，", "（", "："}
_LIST_AFTER = {",", "/", ")", "|", "·", "&", ";", "+", "]", "、", "，", "）", "；"}
# Chinese, Japanese and Korean write no space around their punctuation or between their words and a
# Latin name ('使用Go、Kafka和Redis。'): the tokenizer splits there as at a comma or a space
_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK_SPLITS = (r"[、，；：（）【】「」『』《》！？。]", rf"(?<=[{_CJK}])(?=[A-Za-z])|(?<=[A-Za-z])(?=[{_CJK}])")
# Words before a capitalised name that make it the technology whatever follows ('in Go on MySQL').
_TECH_BEFORE = {"in", "with", "using", "of", "and", "or", "to", "from", "writing", "written", "learning",
                "learned", "adopted", "idiomatic", ",", "/", "(", ":"}
# The same for names that need context ('C', 'R', 'Chef'): fewer words, since 'of C', 'to R' and
# 'from Oracle' are as often English or an employer.
_CLAUSE_OPENERS = {"(", ".", "!", "?", "\n", '"', "“", ":"}
_CLAUSE_ENDS = {".", "?", ",", ";", ":", ")", "\n"}
_CONTEXT_BEFORE = {"in", "with", "using", "writing", "written", "learning", "learned", "adopted", "idiomatic"}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_NUM = r"(?P<n>\d{1,2}(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")\s*\+?\s*"
_YEARS = r"(?:years?|yrs?\.?)"
_CLAIM_BEFORE = re.compile(
    _NUM + _YEARS + r"(?:\s+of)?(?:\s+(?:professional|hands-on|production|commercial|industry))?"
    r"(?:\s+experience)?(?:\s+(?:with|in|using|of|writing|building))?\s+(?:apache\s+)?$", re.IGNORECASE)
_CLAIM_AFTER = re.compile(r"^(?:\s*(?:[(:—–-]|,)|\t)\s*" + _NUM + _YEARS, re.IGNORECASE)  # … or a table's next cell


@dataclass(frozen=True)
class Mention:
    skill: str
    line: Line
    words: str  # the words as written
    column: int  # where they start in the line


class SkillFinder:
    """Built once per rules file; finds skill mentions and claims in any document."""

    def __init__(self, rules: Rules) -> None:
        self.nlp = spacy.blank("en")
        tokenizer = self.nlp.tokenizer
        assert isinstance(tokenizer, Tokenizer)
        tokenizer.infix_finditer = spacy.util.compile_infix_regex([*(self.nlp.Defaults.infixes or ()),
                                                                   *_CJK_SPLITS]).finditer
        self.phrases = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.words = PhraseMatcher(self.nlp.vocab, attr="LOWER")  # one token each, found by hash
        self.stop_after: dict[str, set[str]] = {}
        self.tech_after: dict[str, set[str]] = {}
        self.needs_context: set[str] = set()
        self.english: dict[str, re.Pattern[str] | None] = {}
        for skill_id, skill in rules.skills.items():
            if skill.aliases:
                self.phrases.add(skill_id, [self.nlp.make_doc(a) for a in skill.aliases])
            if skill.ambiguous:
                self.words.add(skill_id, [Doc(self.nlp.vocab, words=[w]) for w in skill.ambiguous])
            self.stop_after[skill_id] = {w.lower() for w in skill.not_followed_by}
            self.tech_after[skill_id] = {w.lower() for w in skill.followed_by}
            if skill.needs_context:
                self.needs_context.add(skill_id)
            self.english[skill_id] = phrase_pattern(skill.english_phrases) if skill.english_phrases else None

    def tokenize(self, lines: tuple[Line, ...]) -> Tokens:
        doc = self.nlp.make_doc("\n".join(line.text for line in lines))
        return Tokens(tuple(t.text for t in doc), tuple(bool(t.whitespace_) for t in doc))

    def mentions(self, lines: tuple[Line, ...], tokens: Tokens | None = None) -> list[Mention]:
        """Every skill mention, in document order; ``tokens`` are the lines' own (from the cache)."""
        starts = []
        offset = 0
        for line in lines:
            starts.append(offset)
            offset += len(line.text) + 1
        if tokens is None:
            doc = self.nlp.make_doc("\n".join(line.text for line in lines))
        else:
            doc = Doc(self.nlp.vocab, words=list(tokens.words), spaces=list(tokens.spaces))
        spans: list[tuple[int, int, str]] = []
        for match_id, start, end in self.phrases(doc):
            spans.append((start, end, self.nlp.vocab.strings[match_id]))
        for match_id, start, end in self.words(doc):
            skill = self.nlp.vocab.strings[match_id]
            if self._technical(doc, doc[start], skill):
                spans.append((start, end, skill))
        found = []
        last_end = -1
        for start, end, skill in sorted(set(spans), key=lambda s: (s[0], -s[1])):
            if start < last_end:  # 'Kafka' inside 'Apache Kafka': keep the longer name only
                continue
            last_end = end
            span = doc[start:end]
            index = _line_at(starts, span.start_char)
            found.append(Mention(skill, lines[index], span.text, span.start_char - starts[index]))
        return found

    def _technical(self, doc: Doc, token: Token, skill: str) -> bool:
        """Is this ambiguous word the technology rather than the English word?"""
        english = self.english[skill]
        if english and any(m.start() <= token.idx - _context_start(doc, token) < m.end()
                           for m in english.finditer(_context(doc, token))):
            return False
        if _opens_exclamation(doc, token):  # 'Go Sooners!', 'Go team!': a cheer, not the language
            return False
        after = _next_word(doc, token)
        if after is not None and after.text.lower() in self.tech_after[skill]:  # 'Chef cookbooks'
            return True
        before = doc[token.i - 1].text if token.i > 0 else "\n"
        if token.text.islower() or skill in self.needs_context:
            # 'go' in lower case, or 'C': inside a list such as 'python, go, rust'
            hyphenated = before == "-" and token.i > 0 and not doc[token.i - 1].whitespace_  # 'on-the-go'
            in_list = not hyphenated and before.strip() in _LIST_BEFORE | {""} and (
                after is None or after.text in _LIST_AFTER or "\n" in after.text)
            return in_list or (not token.text.islower() and before.lower() in _CONTEXT_BEFORE)
        if before.lower() in _TECH_BEFORE:
            return True
        return after is None or after.text.lower() not in self.stop_after[skill]

    def claims(self, mentions: list[Mention]) -> list[Claim]:
        """Explicit year claims next to a mention: '5+ years of Go', 'Go — 4 yrs', 'Kafka (2 years)'."""
        claims = []
        for m in mentions:
            text, at = m.line.text, m.column
            match = _CLAIM_BEFORE.search(text[:at]) or _CLAIM_AFTER.match(text[at + len(m.words):])
            if match:
                n = match.group("n").lower()
                years = float(_NUMBER_WORDS.get(n, n))
                claims.append(Claim(m.skill, years, text.strip(), m.line.number))
        return claims


def _opens_exclamation(doc: Doc, token: Token, reach: int = 6) -> bool:
    """Does the word open a short clause that ends in '!'? Technical text rarely exclaims."""
    if token.i > 0 and doc[token.i - 1].text not in _CLAUSE_OPENERS:
        return False
    for follower in doc[token.i + 1:token.i + 1 + reach]:
        if follower.text == "!":
            return True
        if follower.text in _CLAUSE_ENDS or "\n" in follower.text:
            return False
    return False


def _context_start(doc: Doc, token: Token) -> int:
    return doc[max(token.i - 4, 0)].idx


def _context(doc: Doc, token: Token) -> str:
    """The text of a few tokens either side, for phrase checks."""
    return doc[max(token.i - 4, 0):min(token.i + 4, len(doc) - 1) + 1].text  # (doc.text would join every token)


def _next_word(doc: Doc, token: Token) -> Token | None:
    """The next word, looking through a hyphen attached to the token ('Go-live' → 'live')."""
    i = token.i + 1
    if i < len(doc) and doc[i].text == "-" and not token.whitespace_ and not doc[i].whitespace_:
        i += 1
    if i >= len(doc):
        return None
    return doc[i]


def _line_at(starts: list[int], char: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo
