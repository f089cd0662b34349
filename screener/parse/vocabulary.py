"""The parser's word lists as data: section headings by kind, heading keywords and qualifiers, job-title
words (``screener/data/vocabulary/*.yaml``). Code holds mechanisms; these files hold the words.

The files are loaded and checked by :mod:`screener.parse.wordlists` (every problem names file, line
and key), and a rules file extends them with its ``vocabulary`` key (:meth:`Vocabulary.extended`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from screener.model import SectionKind
from screener.parse import wordlists

# Letters that Unicode does not decompose into a base letter and an accent
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe"})


_NOT_LETTERS = re.compile(r"[\W\d_]+")


@lru_cache(maxsize=8192)  # headings and short lines recur within a CV and across a batch
def normalise(text: str) -> str:
    """Lower case letters of any script, accents dropped, anything else a blank: 'Expérience' → 'experience',
    'Wykształcenie' → 'wyksztalcenie'."""
    text = text.replace("&", " and ").lower()
    if not text.isascii():  # ASCII has no accents to drop
        text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NOT_LETTERS.sub(" ", text).split())


def _cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(c) == "W" for c in text)


# A title word this long also ends a compound ('Softwareentwickler', 'Systemutvecklare', 'Webdeveloper')
COMPOUND_TAIL_LETTERS = 8


def words_pattern(phrases: Iterable[str], compounds: bool = False) -> re.Pattern[str]:
    """Any of the phrases as whole words, case-insensitive; spaces and hyphens are interchangeable.
    Phrases in scripts written without spaces (Chinese, Japanese) match inside longer words; with
    ``compounds``, a single word of at least :data:`COMPOUND_TAIL_LETTERS` letters also matches as
    the end of a longer word, as German, Dutch and the Nordic languages write job titles."""
    bodies = []
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        body = r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", phrase))
        if _cjk(phrase):
            bodies.append(body)
        elif compounds and phrase.isalpha() and len(phrase) >= COMPOUND_TAIL_LETTERS:
            bodies.append(rf"(?<!\w)(?:[^\W\d_]{{3,}}?)?{body}(?!\w)")
        else:
            bodies.append(rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(bodies) or r"(?!x)x", re.IGNORECASE)


@dataclass(frozen=True)
class Vocabulary:
    """Headings by section kind, heading keywords and qualifiers, job-title words."""

    headings: Mapping[str, SectionKind]  # normalised phrase → kind
    heading_keywords: tuple[tuple[re.Pattern[str], SectionKind], ...]
    heading_qualifiers: frozenset[str]
    title_words: tuple[str, ...]
    job_details: frozenset[str] = frozenset()  # normalised labels of a job's detail lines ('tech stack')
    column_labels: frozenset[str] = frozenset()  # normalised words of a table's column headings ('period')
    work_modes: frozenset[str] = frozenset()  # normalised phrases of how a job is done ('remote', 'full time')
    client_labels: frozenset[str] = frozenset()  # normalised labels of a project's client line ('client')
    job_titles: re.Pattern[str] = field(init=False, compare=False)
    unspaced_headings: Mapping[str, SectionKind] = field(init=False, compare=False)  # 'workexperience' → kind

    def __post_init__(self) -> None:
        object.__setattr__(self, "job_titles", words_pattern(self.title_words, compounds=True))
        object.__setattr__(self, "unspaced_headings", {k.replace(" ", ""): v for k, v in self.headings.items()})

    def extended(self, headings: Mapping[Any, Iterable[str]] | None = None,  # keys: section kinds
                 job_titles: Iterable[str] = ()) -> Vocabulary:
        """This vocabulary plus the words of a rules file (its ``vocabulary`` key and title words)."""
        more = dict(self.headings)
        for kind, phrases in (headings or {}).items():
            more.update({normalise(p): kind for p in phrases if normalise(p)})  # type: ignore[misc]
        return Vocabulary(more, self.heading_keywords, self.heading_qualifiers,
                          self.title_words + tuple(job_titles), self.job_details, self.column_labels,
                          self.work_modes, self.client_labels)


@cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary shipped in the package, checked."""
    sections = wordlists.sections()
    headings = {normalise(phrase): kind for kind, phrases in sections.headings.items() for phrase in phrases}
    keywords = tuple((re.compile(r"\b(?:" + "|".join(k.words) + r")\b"), k.kind) for k in sections.keywords)
    return Vocabulary(headings, keywords, frozenset(normalise(q) for q in sections.qualifiers),  # type: ignore[arg-type]
                      tuple(wordlists.titles().job_titles), frozenset(normalise(d) for d in sections.job_details),
                      frozenset(normalise(c) for c in sections.column_labels),
                      frozenset(normalise(m) for m in wordlists.titles().work_modes),
                      frozenset(normalise(c) for c in sections.client_labels))
