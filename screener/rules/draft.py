"""Draft a starter rules file from a job posting's lines: `screener rules draft POSTING`.

The posting is read in sections by its headings: minimum qualifications, nice-to-haves,
responsibilities and the tech stack. Each line of a section becomes requirements:
- every "N+ years of X" a ``years`` requirement of X (a taxonomy skill, or backend / all experience);
- skills it names that no year count covers, a ``mentioned`` requirement;
- a list of terms (after a colon, or in brackets) a ``keywords`` requirement, ``within`` the one skill
  named just before the list ('Kafka at scale (partitions, keys…)').
Minimum lines make minimums, the others small nice-to-haves. Every requirement is written with a
comment naming the posting line it came from; a line that gives nothing says so. The output depends
on the posting's text only (no dates, no randomness).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from screener.errors import ScreenerError
from screener.model import Line
from screener.rules.load import default_rules_path
from screener.rules.schema import Rules
from screener.rules.taxonomy import taxonomy_data
from screener.skills import Mention, SkillFinder

SectionKind = Literal["minimum", "nice", "responsibilities", "stack", "other"]
_HEADING_WORDS: tuple[tuple[SectionKind, str], ...] = (
    ("nice", r"nice|bonus|preferred|plus\b|desirable|good to have|would be great|extra credit"),
    ("minimum", r"minimum|required|requirement|must|qualification|what you (?:bring|need)|you (?:have|bring)|"
                r"who you are|about you|skills and experience|looking for"),
    ("other", r"about|interview|benefit|perk|we offer|apply|compensation|salary|process|culture|company|"
              r"who we are|location|equal opportunit"),
    ("responsibilities", r"what you.{0,5} do|responsibilit|your role|the role|duties|day.to.day|you will|"
                         r"in this role|what you.ll be doing"),
    ("stack", r"tech|tools|stack|technolog"),
)  # checked in this order: 'Preferred qualifications' is nice to have, 'About the role' says nothing
_HEADINGS = [(kind, re.compile(words, re.IGNORECASE)) for kind, words in _HEADING_WORDS]
_BULLET = re.compile(r"^\s*(?:[-*•–—·▪◦+]|\d{1,2}[.)])\s+")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}
_YEARS = re.compile(r"(?P<n>\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")\s*(?:[-–]\s*\d{1,2}\s*)?\+?\s*"
                    r"(?:years?|yrs?)\b", re.IGNORECASE)
_BACKEND = re.compile(r"back[- ]?end|server[- ]side|distributed systems|\bapis?\b", re.IGNORECASE)
_NOT_BACKEND = re.compile(r"front[- ]?end|\bui\b|mobile|devops|\bsre\b|design|data (?:engineering|science)",
                          re.IGNORECASE)
_SOFTWARE = re.compile(r"software|engineering|development|programming|developer|engineer", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:(?:proven|strong|solid|good|excellent|deep|hands-on|working|practical|some|"
                      r"basic)\s+)*(?:(?:experience|familiarity|knowledge|understanding|expertise|mastery|"
                      r"proficiency|dealing|comfort|fluency)\s+(?:with|in|of)\s+)?", re.IGNORECASE)
_TITLE = re.compile(r"\b(?:(?:Senior|Junior|Lead|Staff|Principal|Sr\.?|Jr\.?)\s+)?(?:[A-Z][\w+#./-]*\s+){0,3}"
                    r"(?:Engineer|Developer|Scientist|Architect|Analyst|Administrator|Designer|Programmer)\b")
WEIGHTS = {"years": 5.0, "mentioned": 2.0, "keywords": 0.5, "nice": 0.25}


@dataclass
class Item:
    """One requirement line of the posting (a bullet and the lines it wraps onto)."""

    text: str
    first: int  # line numbers in the posting
    last: int
    section: SectionKind

    @property
    def where(self) -> str:
        return f"line {self.first}" if self.first == self.last else f"lines {self.first}-{self.last}"


@dataclass
class Drafted:
    """A requirement as a mapping, the posting line it came from, and a note for the reader."""

    item: Item
    fields: dict[str, Any]
    note: str = ""


@dataclass
class _Draft:
    requirements: list[Drafted] = field(default_factory=list)
    unused: list[Item] = field(default_factory=list)
    covered: set[str] = field(default_factory=set)  # skills some requirement already asks for
    ids: set[str] = field(default_factory=set)

    def add(self, item: Item, base_id: str, fields: dict[str, Any], note: str = "") -> None:
        rid, n = base_id, 2
        while rid in self.ids:
            rid, n = f"{base_id}_{n}", n + 1
        self.ids.add(rid)
        self.requirements.append(Drafted(item, {"id": rid, **fields}, note))


def _finder() -> SkillFinder:
    """A skill finder over the whole taxonomy."""
    data = yaml.safe_load(default_rules_path().read_text(encoding="utf-8"))
    return SkillFinder(Rules.model_validate({**data, "skills": taxonomy_data()}))


def heading_kind(text: str) -> SectionKind:
    heading = text.strip().strip("#*:_ ").strip()
    return next((kind for kind, pattern in _HEADINGS if pattern.search(heading)), "other")


def _is_heading(line: Line, following: Line | None) -> bool:
    """Marked as a heading, or a short line without a bullet or final stop that ends in ':', is followed by
    a bullet, or reads as a known heading ('What we are looking for')."""
    text = line.text.strip()
    if line.heading or text.startswith("#"):
        return True
    if not _BULLET.match(text):
        text = text.strip("*_ ")  # '**Nice to have:**'
    if not text or _BULLET.match(text) or len(text.split()) > 7 or text[-1] in ".,;" or not text[0].isupper():
        return False
    known = len(text.split()) <= 5 and not _YEARS.search(text) and any(
        pattern.search(text) for kind, pattern in _HEADINGS if kind != "other")
    return known or text.endswith(":") or (following is not None and bool(_BULLET.match(following.text)))


def posting_items(lines: tuple[Line, ...]) -> list[Item]:
    """The posting's lines in sections, a bullet wrapped over lines joined into one item."""
    lines = tuple(line for line in lines if line.text.strip())
    items: list[Item] = []
    section: SectionKind = "other"
    for i, line in enumerate(lines):
        if _is_heading(line, lines[i + 1] if i + 1 < len(lines) else None):
            section = heading_kind(line.text)
            continue
        text = _BULLET.sub("", line.text).strip()
        previous = items[-1] if items and items[-1].last == lines[i - 1].number else None
        if previous and (previous.text.count("(") > previous.text.count(")") or previous.text.endswith(",")):
            previous.text, previous.last = f"{previous.text} {text}", line.number  # a wrapped bullet
            continue
        items.append(Item(text, line.number, line.number, section))
    return items


def draft_rules(lines: tuple[Line, ...], source: str) -> str:
    """A rules file (YAML text with comments) for the posting's lines; ``source`` names the posting."""
    finder = _finder()
    items = posting_items(lines)
    draft = _Draft()
    order: tuple[SectionKind, ...] = ("minimum", "nice", "responsibilities", "stack")
    if not any(item.section in ("minimum", "nice") for item in items):
        for item in items:  # no heading was recognised: every line may be a requirement
            item.section = "minimum" if item.section == "other" else item.section
    for kind in order:
        for item in (i for i in items if i.section == kind):
            before = len(draft.requirements)
            mentions = finder.mentions((Line(item.text, item.first),))
            _draft_item(item, mentions, draft)
            if len(draft.requirements) == before and not mentions:
                draft.unused.append(item)
    if not draft.requirements:
        raise ScreenerError(f"no requirement could be drafted from {source}: it names no skill, year count or "
                            "list of terms under a requirements heading")
    return _render(draft, _title(lines, source), source)


def _draft_item(item: Item, mentions: list[Mention], draft: _Draft) -> None:
    before = len(draft.requirements)
    minimum = item.section == "minimum"
    kind = "minimum" if minimum else "nice_to_have"
    if item.section in ("minimum", "nice"):
        for label, of in _year_counts(item.text, mentions):
            draft.add(item, f"{of}_years", {"label": label, "kind": kind, "years": _years_in(label), "of": of,
                                            "weight": WEIGHTS["years"] if minimum else WEIGHTS["nice"]},
                      _note_for(of))
            draft.covered.add(of)
    new = list(dict.fromkeys(m.skill for m in mentions if m.skill not in draft.covered))
    if new:
        either = len(new) > 1 and re.search(r"\bor\b", item.text)
        draft.add(item, "_".join(new[:3]), {"label": _label(item.text), "kind": kind, "mentioned": new,
                                            "weight": WEIGHTS["mentioned"] if minimum else WEIGHTS["nice"]},
                  "the posting says 'or': each skill named earns its share; split it if either one will do"
                  if either else "")
        draft.covered.update(new)
    if item.section == "stack":
        return
    named = {m.words.lower() for m in mentions}
    terms, within, listed = _terms(item.text, mentions)
    terms = [t for t in terms if t.lower() not in named]
    if terms and (listed or len(draft.requirements) == before):
        fields: dict[str, Any] = {"label": _label(item.text), "kind": kind}
        if minimum:
            fields["gate"] = False
        if within:
            fields["within"] = within
        # a list asks for several of its terms; the phrases of a plain line are alternatives
        fields |= {"keywords": terms, "at_least": min(2, len(terms)) if listed else 1,
                   "weight": WEIGHTS["keywords"] if minimum else WEIGHTS["nice"]}
        draft.add(item, f"{within}_concepts" if within else _slug(terms[0]), fields)


def _year_counts(text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    """(label, of) for every 'N+ years of X' in a line; X is the skills named in its clause."""
    matches = list(_YEARS.finditer(text))
    counts: list[tuple[str, str]] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        end = min([end] + [text.index(c, match.end()) for c in ";(" if c in text[match.end():end]])
        start = max([0] + [text.rindex(c, 0, match.start()) + 1 for c in ";" if c in text[:match.start()]])
        clause = text[match.end():end]
        skills = [m.skill for m in mentions if match.end() <= m.column < end]
        if not skills:  # 'Java (5+ years)': the skill before the count
            skills = [m.skill for m in mentions if start <= m.column < match.start()][-1:]
        label = _label(text[match.start():end])
        if skills:
            counts += [(label, s) for s in dict.fromkeys(skills)]
        elif _BACKEND.search(clause) or (_SOFTWARE.search(clause) and not _NOT_BACKEND.search(clause)):
            counts.append((label, "backend"))
        else:
            counts.append((label, "total"))
    return counts


def _years_in(label: str) -> float:
    match = _YEARS.search(label)
    n = match.group("n").lower() if match else "1"
    return float(_NUMBER_WORDS.get(n, n))


def _note_for(of: str) -> str:
    if of == "total":
        return "measured as all dated experience: screener measures backend and total experience, not this kind"
    if of == "backend":
        return "measured as backend / software roles (the 'roles' words below decide which titles count)"
    return ""


def _terms(text: str, mentions: list[Mention]) -> tuple[list[str], str | None, bool]:
    """Terms listed after a colon or in brackets, the one skill named just before that list, and whether
    there was such a list (else the terms are the phrases of the plain line)."""
    parts = re.findall(r"\(([^()]*)\)", text)
    colon = text.find(":")
    if colon > 0:
        parts.append(re.sub(r"\([^()]*\)", "", text[colon + 1:]))
    listed = bool(parts)
    if not parts and re.search(r"[,;/]", text):  # 'Designing multi-tenant platforms, per-tenant quotas, …'
        parts = [text]
    terms: list[str] = []
    for part in parts:
        for term in re.split(r"[,;+]|(?<![A-Z])/|/(?![A-Z]{1,4}\b)|\s+(?:and|or|vs\.?|&)\s+", part):
            term = _LEAD_IN.sub("", term.strip(" .!?'\"-–—")).strip(" .!?'\"")
            term = re.sub(r"^(?:and|or|the|a|an|some|other)\s+|\s+(?:skills?|experience|development|etc)$", "", term,
                          flags=re.IGNORECASE)
            term = re.sub(r"^\w+ing\s+(?=\w)", "", term) if len(term.split()) > 2 else term  # 'Designing x y'
            if len(term) >= 2 and len(term.split()) <= 3 and term.lower() not in (t.lower() for t in terms):
                terms.append(term)
    starts = [i for i in (text.find("("), colon) if i > 0]
    list_start = min(starts) if starts else -1
    before = list(dict.fromkeys(m.skill for m in mentions if m.column < list_start))
    return terms[:20], before[0] if len(before) == 1 else None, listed


def _label(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" .;,")


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:30].strip("_")
    return slug if slug and slug[0].isalpha() else f"keywords_{slug}".strip("_")


def _title(lines: tuple[Line, ...], source: str) -> str:
    for line in lines[:15]:
        match = _TITLE.search(line.text)
        if match:
            return match.group(0).strip()
    return source


def _roles_block() -> str:
    """The packaged rules' 'roles' section, with its comments, as written."""
    text = default_rules_path().read_text(encoding="utf-8")
    start = text.index("\nroles:") + 1
    end = text.index("\n# ----", start)
    return text[start:end].rstrip() + "\n"


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9_]*", value):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted string


def _render(draft: _Draft, title: str, source: str) -> str:
    out = ["# yaml-language-server: $schema=./requirements.schema.json",
           f"# A starter rules file drafted by 'screener rules draft' from {_oneline(source)}.",
           "# Read every requirement against the posting before use: weights, thresholds and keywords are",
           "# guesses from its words. Check with:  screener rules validate FILE   and   screener rules show FILE",
           "# Skill ids come from screener's taxonomy; define one under 'skills:' to change its names.",
           "", "version: 1", f"title: {_value(title)}", "tolerance_years: 0.25", "",
           _roles_block(), "requirements:"]
    for kind, heading in (("minimum", "Minimum qualifications"), ("nice_to_have", "Nice to have")):
        out.append(f"  # --- {heading} " + "-" * (88 - len(heading)))
        for r in (r for r in draft.requirements if r.fields["kind"] == kind):
            out.append(f"  # posting {r.item.where}: {_oneline(r.item.text)}")
            if r.note:
                out.append(f"  # {r.note}")
            out += [("  - " if i == 0 else "    ") + f"{key}: {_value(value)}"
                    for i, (key, value) in enumerate(r.fields.items())]
            out.append("")
    if draft.unused:
        out.append("  # Posting lines that gave no skill, year count or list of terms (write keywords for them):")
        out += [f"  #   {item.where}: {_oneline(item.text)}" for item in draft.unused]
    return "\n".join(out).rstrip() + "\n"


def _oneline(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
