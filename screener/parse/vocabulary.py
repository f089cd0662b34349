"""The parser's word lists as data: section headings by kind, heading keywords and qualifiers, job-title
words (``screener/data/vocabulary/*.yaml``). Code holds mechanisms; these files hold the words.

The files are checked when loaded (a wrong kind or a non-list names the file and key), and a rules
file extends them with its ``vocabulary`` key (:meth:`Vocabulary.extended`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, get_args

import yaml

from screener.model import SectionKind

SECTION_KINDS: tuple[str, ...] = tuple(k for k in get_args(SectionKind) if k != "preamble")


class VocabularyError(ValueError):
    """A vocabulary file that does not have the expected shape."""


def normalise(text: str) -> str:
    """Lower case letters of any script, accents dropped, anything else a blank: 'Expérience' → 'experience'."""
    text = unicodedata.normalize("NFKD", text.replace("&", " and ").lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W\d_]+", " ", text).split())


def _cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(c) == "W" for c in text)


def words_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, case-insensitive; spaces and hyphens are interchangeable.
    Phrases in scripts written without spaces (Chinese, Japanese) match inside longer words."""
    bodies = []
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        body = r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", phrase))
        bodies.append(body if _cjk(phrase) else rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(bodies) or r"(?!x)x", re.IGNORECASE)


@dataclass(frozen=True)
class Vocabulary:
    """Headings by section kind, heading keywords and qualifiers, job-title words."""

    headings: Mapping[str, SectionKind]  # normalised phrase → kind
    heading_keywords: tuple[tuple[re.Pattern[str], SectionKind], ...]
    heading_qualifiers: frozenset[str]
    title_words: tuple[str, ...]
    job_titles: re.Pattern[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "job_titles", words_pattern(self.title_words))

    def extended(self, headings: Mapping[str, Iterable[str]] | None = None,
                 job_titles: Iterable[str] = ()) -> Vocabulary:
        """This vocabulary plus the words of a rules file (its ``vocabulary`` key and title words)."""
        more = dict(self.headings)
        for kind, phrases in (headings or {}).items():
            more.update({normalise(p): kind for p in phrases if normalise(p)})  # type: ignore[misc]
        return Vocabulary(more, self.heading_keywords, self.heading_qualifiers,
                          self.title_words + tuple(job_titles))


def _load(name: str) -> dict[str, Any]:
    text = resources.files("screener").joinpath("data", "vocabulary", name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise VocabularyError(f"vocabulary/{name}: expected a mapping at the top")
    return data


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise VocabularyError(f"{where}: expected a list of words")
    return value


def _kind(value: object, where: str) -> SectionKind:
    if value not in SECTION_KINDS:
        raise VocabularyError(f"{where}: {value!r} is not a section kind (one of {', '.join(SECTION_KINDS)})")
    return value  # type: ignore[return-value]


@cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped in the package, checked."""
    sections, titles = _load("sections.yaml"), _load("titles.yaml")
    headings: dict[str, SectionKind] = {}
    for kind, phrases in (sections.get("headings") or {}).items():
        checked = _kind(kind, "vocabulary/sections.yaml: headings")
        for phrase in _strings(phrases, f"vocabulary/sections.yaml: headings.{kind}"):
            headings[normalise(phrase)] = checked
    keywords = []
    for n, entry in enumerate(sections.get("keywords") or []):
        where = f"vocabulary/sections.yaml: keywords[{n}]"
        if not isinstance(entry, dict):
            raise VocabularyError(f"{where}: expected {{kind, words}}")
        words = _strings(entry.get("words"), f"{where}.words")
        keywords.append((re.compile(r"\b(?:" + "|".join(words) + r")\b"), _kind(entry.get("kind"), f"{where}.kind")))
    qualifiers = _strings(sections.get("qualifiers"), "vocabulary/sections.yaml: qualifiers")
    return Vocabulary(headings, tuple(keywords), frozenset(normalise(q) for q in qualifiers),
                      tuple(_strings(titles.get("job_titles"), "vocabulary/titles.yaml: job_titles")))
