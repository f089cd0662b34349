"""The word lists the parser reads as data (``screener/data/vocabulary/*.yaml``): section headings,
job-title words, month names, open-end words, seasons.

Mechanisms (the date grammar, section detection) stay in code; the words of each language live in
YAML files shipped in the package, checked like the rules file: every problem names file, line,
column and key. Each file is read and validated once per process.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from screener.errors import RulesError
from screener.model import SectionKind
from screener.rules.consistency import KeyPath
from screener.rules.load import YamlWalker, compose_yaml, construct
from screener.rules.messages import KEY, dotted, located

_SCHEMA = 1  # bump when a vocabulary model changes shape
VOCABULARY_DIR = Path(str(resources.files("screener") / "data" / "vocabulary"))


def _fingerprint() -> int:
    """A number that changes with any edit of a vocabulary file (or of the models' shape)."""
    digest = hashlib.sha256(str(_SCHEMA).encode())
    for path in sorted(VOCABULARY_DIR.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return int(digest.hexdigest()[:12], 16)


# What the parser's output depends on besides the code and the rules: caches of parsed documents key
# on it, so any edit of a vocabulary file invalidates them.
VOCABULARY_VERSION = _fingerprint()

Model = TypeVar("Model", bound=BaseModel)
Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


# the kinds of section a heading may open: every kind but the 'preamble' before the first heading
if TYPE_CHECKING:  # a Literal built at run time is beyond a static checker: it sees every section kind
    HeadingKind = SectionKind
else:
    HeadingKind = Literal[tuple(k for k in get_args(SectionKind) if k != "preamble")]


class VocabularyError(RulesError):
    """A vocabulary file is not valid; ``problems`` are 'file:line:col: key: message' strings."""


class Strict(BaseModel):
    """Base of the vocabulary models: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def fold(word: str) -> str:
    """A word as looked up: lower case, accents and the Turkish dotless i folded ('Août' → 'aout')."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --------------------------------------------------------------------------- the models
MonthNumber = Annotated[int, Field(ge=1, le=12)]


class Months(Strict):
    """Month names by calendar and language; each language maps a month number to its written forms."""

    gregorian: dict[str, dict[MonthNumber, list[Word]]] = Field(
        description="Language → month number → names (full, genitive, abbreviated), any case.")
    jalali: dict[str, dict[MonthNumber, list[Word]]] = Field(
        description="Solar Hijri month names, in Latin and Persian script.")
    year_marks: list[Word] = Field(description="A mark after a year in CJK dates: '2019年7月', '2019년 7월'.")
    month_marks: list[Word] = Field(description="A mark after a month number in CJK dates.")
    year_suffixes: list[Word] = Field(
        default_factory=list, description="Abbreviations of 'year' written after one: '2019 г.', '2019 r.'.")
    month_year_joiners: list[Word] = Field(
        default_factory=list, description="Words between a month name and its year: 'enero de 2019'.")
    month_words: list[Word] = Field(
        default_factory=list, description="The word for 'month' before a month's number: 'Tháng 3/2019'.")


class OpenEnds(Strict):
    """Words that make a range open or join its two ends, and words that date the CV itself."""

    present: list[Word] = Field(description="The end of a range still going on: 'Present', 'heute', '至今'.")
    since: list[Word] = Field(description="Before a start with no end: 'since 2020', 'seit 2020'.")
    opening: list[Word] = Field(
        default_factory=list, description="Before the start of a range that has an end ('de 2016 à 2019', "
                                          "'du 03/2019 au 02/2021'), never alone: these are common words too.")
    onwards: list[Word] = Field(description="After a start with no end: '2020 onwards'.")
    until: list[Word] = Field(description="Between the two ends, besides dashes: 'to', 'bis', 'hasta', 'по'.")
    updated: list[Word] = Field(description="Before the date a CV was last edited: 'Last updated January 2015'.")
    joining: list[Word] = Field(
        default_factory=list, description="After a date, the word for joining an employer then: '2015年4月 入社'.")
    leaving: list[Word] = Field(
        default_factory=list, description="After a date, the word for leaving an employer then: '2020年3月 退社'.")


class Season(Strict):
    start: MonthNumber = Field(description="First month; a start after the end month is in the year before.")
    end: MonthNumber
    words: list[Word]
    alone: bool = Field(True, description="Whether the word and a year alone are a period ('Summer 2019' is "
                        "an internship; 'Q3 2021' in a bullet is a moment, not a job).")


class Seasons(Strict):
    """Seasons and semesters: 'Fall 2014' is September to November 2014."""

    seasons: dict[str, Season]


class Keyword(Strict):
    kind: HeadingKind
    words: list[Word] = Field(description="Regular expressions, matched as whole words of a heading.")

    @field_validator("words")
    @classmethod
    def _compiles(cls, words: list[str]) -> list[str]:
        for word in words:
            try:
                re.compile(word)
            except re.error as exc:
                raise ValueError(f"'{word}' is not a valid regular expression: {exc}") from None
        return words


class Sections(Strict):
    """Section headings by the kind of section they open, heading keywords, and qualifying words."""

    headings: dict[HeadingKind, list[Word]]
    keywords: list[Keyword]
    qualifiers: list[Word]
    job_details: list[Word] = Field(
        default_factory=list, description="Labels of a job's own detail lines ('Tech stack:', 'Environment:'): "
                                          "inside an experience section they stay with the job above.")
    column_labels: list[Word] = Field(
        default_factory=list, description="Words of a table's column headings over the jobs ('Company / Role   "
                                          "Period'): a line of nothing else is no job's header.")
    client_labels: list[Word] = Field(
        default_factory=list, description="Labels of a project's client line ('Client: HDFC Bank'): such a project "
                                          "within the span of a job is work of that job for its months.")


class Titles(Strict):
    """Words of job titles."""

    job_titles: list[Word]
    work_modes: list[Word] = Field(
        default_factory=list, description="How or where a job is done ('Remote', 'Full-time', 'Hybrid'): "
                                          "beside a title or its dates, never its organisation.")
    legal_forms: list[Word] = Field(
        default_factory=list, description="A company's legal form ('GmbH', 'S.A.', '株式会社'): a header piece with "
                                          "one is the job's organisation.")
    employer_words: list[Word] = Field(
        default_factory=list, description="'at' between a title and its employer: 'Engineer bij Delfts Blauw'.")


# --------------------------------------------------------------------------- loading
def parse_vocabulary(text: str, name: str, model: type[Model]) -> Model:
    """Validate vocabulary YAML text against ``model``; every problem at once in a VocabularyError."""
    try:
        node = compose_yaml(text, name)
    except RulesError as exc:
        raise VocabularyError(exc.problems) from None
    if node is None:
        raise VocabularyError([f"{name}:1:1: the vocabulary file is empty"])
    walker = YamlWalker()
    walker.walk(node, ())
    problems = [(at[0], at[1], f"{name}:{at[0]}:{at[1]}: {dotted(path)}: {message}")
                for path, at, message in walker.problems]
    if walker.refused:
        raise VocabularyError([p[2] for p in sorted(problems)])
    data = construct(node)
    try:
        loaded = model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = _as_written(tuple(err["loc"]), walker.marks)
            line, col = walker.marks.get(loc + (KEY,), located(loc, walker.marks)) \
                if err["type"] == "extra_forbidden" else located(loc, walker.marks)
            message = "unknown key" if err["type"] == "extra_forbidden" else err["msg"].removeprefix("Value error, ")
            problems.append((line, col, f"{name}:{line}:{col}: {dotted(loc)}: {message}"))
        raise VocabularyError([p[2] for p in sorted(set(problems))]) from None
    problems += [(*located(path, walker.marks), message) for path, message in _conflicts(data)]
    problems = [(line, col, m if m.startswith(name) else f"{name}:{line}:{col}: {m}") for line, col, m in problems]
    if problems:
        raise VocabularyError([p[2] for p in sorted(set(problems))])
    return loaded


def _as_written(loc: KeyPath, marks: dict[KeyPath, tuple[int, int]]) -> KeyPath:
    """A validation error's key path as the file writes it: YAML keys such as month numbers are text."""
    out: KeyPath = ()
    for part in loc:
        out += (str(part),) if isinstance(part, int) and out + (str(part),) in marks else (part,)
    return out


def _conflicts(data: Any) -> list[tuple[KeyPath, str]]:
    """A word that names two different months (or seasons) makes dates ambiguous."""
    meaning: dict[str, tuple[str, KeyPath]] = {}
    problems: list[tuple[KeyPath, str]] = []

    def claim(word: str, means: str, path: KeyPath) -> None:
        key = fold(word).rstrip(".")
        if key in meaning and meaning[key][0] != means:
            other, at = meaning[key]
            problems.append((path, f"{dotted(path)}: '{word}' means {means} here but {other} at {dotted(at)}"))
        meaning.setdefault(key, (means, path))

    if not isinstance(data, dict):
        return problems
    for calendar in ("gregorian", "jalali"):
        for language, months in (data.get(calendar) or {}).items():
            for month, words in months.items():
                for i, word in enumerate(words):
                    claim(word, f"{calendar} month {month}", (calendar, language, str(month), i))
    for season, entry in (data.get("seasons") or {}).items():
        for i, word in enumerate(entry["words"]):
            claim(word, f"season '{season}'", ("seasons", season, "words", i))
    return problems


@cache
def load_vocabulary(name: str, model: type[Model]) -> Model:
    """The packaged vocabulary file ``name`` (e.g. 'months'), validated; read once per process."""
    path = VOCABULARY_DIR / f"{name}.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise VocabularyError([f"{path}: cannot read the vocabulary file: {exc.strerror or exc}"]) from None
    return parse_vocabulary(text, str(path), model)


def sections() -> Sections:
    return load_vocabulary("sections", Sections)


def titles() -> Titles:
    return load_vocabulary("titles", Titles)


def months() -> Months:
    return load_vocabulary("months", Months)


def open_ends() -> OpenEnds:
    return load_vocabulary("open_ends", OpenEnds)


def seasons() -> Seasons:
    return load_vocabulary("seasons", Seasons)
