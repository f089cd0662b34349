"""Immutable values passed between the stages: document → résumé → experience → assessment.

Months are counted as integers (``year * 12 + month - 1``) so that interval arithmetic is exact;
:func:`month_index` and :func:`month_label` convert.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

DocumentKind = Literal["pdf", "docx", "text", "markdown", "json", "html", "odt", "rtf", "image"]


def month_index(year: int, month: int) -> int:
    """The month as one integer, so that ranges subtract exactly."""
    return year * 12 + (month - 1)


def month_label(index: int) -> str:
    """``YYYY-MM`` for a month index."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass(frozen=True)
class Line:
    """One line of a document's text, with where it came from."""

    text: str
    number: int  # 1-based position of the line in the document
    page: int = 1  # 1-based page (1 for formats without pages)
    heading: bool = False  # marked as a heading by the format: Markdown '#', a Word heading style, a bold PDF line
    x0: float = 0.0  # left edge in points (PDF only; 0 elsewhere)


@dataclass(frozen=True)
class StatedPosition:
    """A job a structured résumé states as data (JSON Resume ``work[]``): the parser takes it as it is
    instead of finding it in the layout. 'Present' is known only at parse time, hence ``end=None``."""

    title: str
    organisation: str
    start: int  # month index
    end: int | None  # month index; None while ongoing
    dates: str  # the dates as written
    coarse: bool  # year-only on at least one end
    lines: tuple[int, int]  # the first and last line number of its text in the document


@dataclass(frozen=True)
class Document:
    """A document's text as lines in reading order, plus what the extractor noticed."""

    kind: DocumentKind
    lines: tuple[Line, ...]
    pages: int = 1
    warnings: tuple[str, ...] = ()  # e.g. hidden text found and excluded
    positions: tuple[StatedPosition, ...] | None = None  # stated by a structured format; None: to be found

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class DateRange:
    """A period as written in a CV, normalised to inclusive month indexes."""

    start: int
    end: int
    text: str  # the words it was read from
    ongoing: bool = False  # 'Present', 'Current', 'since …'
    coarse: bool = False  # year-only on at least one end
    calendar: Literal["gregorian", "jalali"] = "gregorian"

    @property
    def months(self) -> int:
        return self.end - self.start + 1


@dataclass(frozen=True)
class Position:
    """A dated entry of the work history: its header and its own text."""

    title: str
    organisation: str
    dates: DateRange
    lines: tuple[Line, ...]  # header and body lines, in order
    section: str  # the heading of the section it sits in

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


SectionKind = Literal["experience", "education", "skills", "projects", "summary", "credentials", "activities",
                      "other", "preamble"]
# credentials: certifications, awards, publications; activities: clubs, memberships, volunteering
# (dated, but never jobs)


@dataclass(frozen=True)
class Section:
    kind: SectionKind
    heading: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Resume:
    """What the parser understood of a document."""

    sections: tuple[Section, ...]
    positions: tuple[Position, ...]
    lines: tuple[Line, ...]  # every line, for mention and claim search
    warnings: tuple[str, ...] = ()  # what the parser doubts, e.g. 'no_experience_heading: …'


@dataclass(frozen=True)
class Tokens:
    """A text as the tokenizer split it: its words and whether a space follows each.

    They depend on the text alone, not on the rules, so they are cached with the parse and a rules
    change does not tokenise again (rebuilding spaCy's ``Doc`` from them is several times faster)."""

    words: tuple[str, ...]
    spaces: tuple[bool, ...]


@dataclass(frozen=True)
class Parsed:
    """What extraction and parsing make of a file: all that the parse cache keeps (never a score)."""

    document: Document
    resume: Resume
    tokens: Tokens


@dataclass(frozen=True)
class Evidence:
    """Why a number is what it is: the words, where they are, and the months they stand for."""

    source: str  # e.g. 'position 2: Backend Engineer, Acme (2019-01 – 2021-06)' or 'line 14'
    text: str
    start: str | None = None  # YYYY-MM
    end: str | None = None
    months: int = 0
    match: str | None = None  # the words in ``text`` that were matched, as written


@dataclass(frozen=True)
class Claim:
    """An explicit statement such as '5+ years of Go'."""

    skill: str
    years: float
    text: str
    line: int


@dataclass(frozen=True)
class SkillExperience:
    skill: str
    dated_months: int  # union of the dated positions that use the skill
    mentioned: bool
    last_used: str | None  # YYYY-MM of the latest month of use
    claim: Claim | None
    years: float  # the value the score uses
    basis: Literal["dated", "claim", "none"]
    coarse: bool  # touched by a year-only range
    evidence: tuple[Evidence, ...] = ()
    mention_lines: frozenset[int] = frozenset()  # numbers of the lines that name it


@dataclass(frozen=True)
class Experience:
    total_months: int
    backend_months: int
    skills: dict[str, SkillExperience]
    positions: tuple[Position, ...]  # the positions that counted (not breaks, not degrees)
    backend: frozenset[int] = frozenset()  # indexes into positions: backend roles
    internships: frozenset[int] = frozenset()  # indexes into positions: internships (counted, flagged)
    evidence_total: tuple[Evidence, ...] = ()
    evidence_backend: tuple[Evidence, ...] = ()

    @property
    def total_years(self) -> float:
        return round(self.total_months / 12, 2)

    @property
    def backend_years(self) -> float:
        return round(self.backend_months / 12, 2)


@dataclass(frozen=True)
class Findings:
    """What a rules file's words find in one parse, before any threshold or weight is applied: the
    experience measured per skill, and the keywords each keyword requirement looks for. Scoring reads
    only this, so it is cached (by what the rules look for, never by how they score) and a threshold or
    weight change needs neither the text nor the skill matcher again."""

    experience: Experience
    keywords: Mapping[str, tuple[tuple[str, Evidence], ...]]  # requirement id → (keyword, where), rules' order
    text_chars: int  # characters of text: too few and the verdict says so
    warnings: tuple[str, ...]  # the extractor's and the parser's
