"""The parse product (:class:`~screener.model.Parsed`) and findings (:class:`~screener.model.Findings`)
as versioned JSON, and back.

JSON, never pickle: a cache file may be tampered with, and decoding must not run anything. Decoding
checks every field's type, so a damaged value is an error (a cache miss), not a wrong result. Lines
are stored once in a table and referred to by index from the document, its sections and positions.
"""

from __future__ import annotations

import json
from typing import Any, Literal, TypeVar

import msgspec

from screener.model import (
    Claim,
    DateRange,
    Document,
    DocumentKind,
    Evidence,
    Experience,
    Findings,
    Line,
    Parsed,
    Position,
    Resume,
    Section,
    SectionKind,
    SkillExperience,
    StatedPosition,
    Tokens,
)

FORMAT = 3  # bump when the layout of the JSON below changes


class DecodeError(ValueError):
    """A stored value that is not what this version of screener writes."""


class _LineTable:
    """Lines stored once, in the order first referred to; values hold their indexes."""

    def __init__(self) -> None:
        self._index: dict[Line, int] = {}

    def __call__(self, lines: tuple[Line, ...]) -> list[int]:
        return [self._index.setdefault(line, len(self._index)) for line in lines]

    def dumps(self, value: dict[str, Any]) -> str:
        value["lines"] = [[x.text, x.number, x.page, x.heading, x.x0] for x in self._index]
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def encode(parsed: Parsed) -> str:
    refs = _LineTable()
    d, r = parsed.document, parsed.resume
    value: dict[str, Any] = {
        "format": FORMAT,
        "document": {"kind": d.kind, "pages": d.pages, "warnings": list(d.warnings), "lines": refs(d.lines),
                     "positions": None if d.positions is None else [
                         [p.title, p.organisation, p.start, p.end, p.dates, p.coarse, *p.lines] for p in d.positions]},
        "resume": {
            "lines": refs(r.lines),
            "warnings": list(r.warnings),
            "sections": [{"kind": s.kind, "heading": s.heading, "lines": refs(s.lines)} for s in r.sections],
            "positions": [_position_value(p, refs) for p in r.positions],
        },
        "tokens": {"words": list(parsed.tokens.words), "spaces": "".join("01"[s] for s in parsed.tokens.spaces)},
    }
    return refs.dumps(value)


def decode(text: str) -> Parsed:
    """The value :func:`encode` wrote; :class:`DecodeError` for anything else."""
    value = _decoded(_PARSE, text, "a stored parse")
    table = _table(value.lines)
    d, r, t = value.document, value.resume, value.tokens
    stated = None if d.positions is None else tuple(
        StatedPosition(*x[:6], (x[6], x[7])) for x in d.positions)
    document = Document(d.kind, _refs(d.lines, table), d.pages, tuple(d.warnings), stated)
    sections = tuple(Section(s.kind, s.heading, _refs(s.lines, table)) for s in r.sections)
    if len(t.words) != len(t.spaces) or set(t.spaces) - {"0", "1"}:
        raise DecodeError("tokens do not match their spaces")
    tokens = Tokens(tuple(t.words), tuple(s == "1" for s in t.spaces))
    resume = Resume(sections, _positions(r.positions, table), _refs(r.lines, table), tuple(r.warnings))
    return Parsed(document, resume, tokens)


def encode_findings(findings: Findings) -> str:
    refs = _LineTable()
    e = findings.experience
    value: dict[str, Any] = {
        "format": FORMAT,
        "positions": [_position_value(p, refs) for p in e.positions],
        "months": [e.total_months, e.backend_months],
        "backend": sorted(e.backend), "internships": sorted(e.internships),
        "evidence": [[_evidence_value(x) for x in e.evidence_total], [_evidence_value(x) for x in e.evidence_backend]],
        "skills": [[s.skill, s.dated_months, s.mentioned, s.last_used,
                    None if s.claim is None else [s.claim.skill, s.claim.years, s.claim.text, s.claim.line],
                    s.years, s.basis, s.coarse, [_evidence_value(x) for x in s.evidence], sorted(s.mention_lines)]
                   for s in e.skills.values()],
        "keywords": {rid: [[k, _evidence_value(x)] for k, x in found] for rid, found in findings.keywords.items()},
        "text_chars": findings.text_chars,
        "warnings": list(findings.warnings),
    }
    return refs.dumps(value)


class _StoredPosition(msgspec.Struct):
    title: str
    organisation: str
    section: str
    dates: tuple[int, int, str, bool, bool, Literal["gregorian", "jalali"]]
    lines: list[int]


_Line = tuple[str, int, int, bool, float]  # text, number, page, heading, x0
_Evidence = tuple[str, str, str | None, str | None, int, str | None]
_Claim = tuple[str, float, str, int]


class _StoredFindings(msgspec.Struct):
    """The layout :func:`encode_findings` writes."""

    format: int
    positions: list[_StoredPosition]
    months: tuple[int, int]
    backend: list[int]
    internships: list[int]
    evidence: tuple[list[_Evidence], list[_Evidence]]
    skills: list[tuple[str, int, bool, str | None, _Claim | None, float, Literal["dated", "claim", "none"], bool,
                       list[_Evidence], list[int]]]
    keywords: dict[str, list[tuple[str, _Evidence]]]
    text_chars: int
    warnings: list[str]
    lines: list[_Line]


_FINDINGS = msgspec.json.Decoder(_StoredFindings)


class _StoredDocument(msgspec.Struct):
    kind: DocumentKind
    pages: int
    warnings: list[str]
    lines: list[int]
    positions: list[tuple[str, str, int, int | None, str, bool, int, int]] | None


class _StoredSection(msgspec.Struct):
    kind: SectionKind
    heading: str
    lines: list[int]


class _StoredResume(msgspec.Struct):
    lines: list[int]
    warnings: list[str]
    sections: list[_StoredSection]
    positions: list[_StoredPosition]


class _StoredTokens(msgspec.Struct):
    words: list[str]
    spaces: str


class _StoredParse(msgspec.Struct):
    """The layout :func:`encode` writes."""

    format: int
    document: _StoredDocument
    resume: _StoredResume
    tokens: _StoredTokens
    lines: list[_Line]


_PARSE = msgspec.json.Decoder(_StoredParse)


def decode_findings(text: str) -> Findings:
    """The value :func:`encode_findings` wrote; :class:`DecodeError` for anything else."""
    value = _decoded(_FINDINGS, text, "stored findings")
    positions = _positions(value.positions, _table(value.lines))
    backend, internships = frozenset(value.backend), frozenset(value.internships)
    if not all(0 <= i < len(positions) for i in backend | internships):
        raise DecodeError("a position reference is out of range")
    skills = {s[0]: SkillExperience(*s[:4], None if s[4] is None else Claim(*s[4]), *s[5:8],
                                    tuple(Evidence(*x) for x in s[8]), frozenset(s[9])) for s in value.skills}
    keywords = {rid: tuple((k, Evidence(*x)) for k, x in found) for rid, found in value.keywords.items()}
    evidence_total, evidence_backend = (tuple(Evidence(*x) for x in e) for e in value.evidence)
    experience = Experience(*value.months, skills, positions, backend, internships, evidence_total, evidence_backend)
    return Findings(experience, keywords, value.text_chars, tuple(value.warnings))


_Stored = TypeVar("_Stored", "_StoredParse", "_StoredFindings")


def _decoded(decoder: msgspec.json.Decoder[_Stored], text: str, what: str) -> _Stored:
    """``text`` decoded by ``decoder``, every field's type checked, in this version's format."""
    try:
        value = decoder.decode(text)
    except (msgspec.DecodeError, RecursionError) as exc:
        raise DecodeError(f"not {what}: {exc}") from None
    if value.format != FORMAT:
        raise DecodeError("another format version")
    return value


def _table(lines: list[_Line]) -> tuple[Line, ...]:
    return tuple(Line(*x) for x in lines)


def _refs(refs: list[int], table: tuple[Line, ...]) -> tuple[Line, ...]:
    if not all(0 <= i < len(table) for i in refs):
        raise DecodeError("a line reference is out of range")
    return tuple(table[i] for i in refs)


def _positions(stored: list[_StoredPosition], table: tuple[Line, ...]) -> tuple[Position, ...]:
    return tuple(Position(p.title, p.organisation, DateRange(*p.dates), _refs(p.lines, table), p.section)
                 for p in stored)


def _position_value(p: Position, refs: Any) -> dict[str, Any]:
    return {"title": p.title, "organisation": p.organisation, "section": p.section,
            "dates": [p.dates.start, p.dates.end, p.dates.text, p.dates.ongoing, p.dates.coarse, p.dates.calendar],
            "lines": refs(p.lines)}


def _evidence_value(e: Evidence) -> list[Any]:
    return [e.source, e.text, e.start, e.end, e.months, e.match]
