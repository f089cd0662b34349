"""The parse product (:class:`~screener.model.Parsed`) and findings (:class:`~screener.model.Findings`)
as versioned JSON, and back.

JSON, never pickle: a cache file may be tampered with, and decoding must not run anything. Decoding
checks every field's type, so a damaged value is an error (a cache miss), not a wrong result. Lines
are stored once in a table and referred to by index from the document, its sections and positions.
"""

from __future__ import annotations

import json
from typing import Any, Literal, get_args

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
_KINDS = set(get_args(DocumentKind))
_SECTION_KINDS = set(get_args(SectionKind))
_CALENDARS = {"gregorian", "jalali"}


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


def _load(text: str) -> tuple[dict[str, Any], tuple[Line, ...]]:
    """The stored value and its line table; raises for another format version."""
    value = json.loads(text)
    if _get(value, "format", int) != FORMAT:
        raise DecodeError("another format version")
    return value, tuple(_line(x) for x in _get(value, "lines", list))


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
    try:
        value, table = _load(text)
        d, r, t = _get(value, "document", dict), _get(value, "resume", dict), _get(value, "tokens", dict)
        stated = d["positions"]
        document = Document(_choice(_get(d, "kind", str), _KINDS), _lines(d, table), _get(d, "pages", int),
                            tuple(_strings(_get(d, "warnings", list))),
                            None if stated is None else tuple(_stated(x) for x in _get(d, "positions", list)))
        sections = tuple(Section(_choice(_get(s, "kind", str), _SECTION_KINDS), _get(s, "heading", str),
                                 _lines(s, table)) for s in _dicts(_get(r, "sections", list)))
        positions = tuple(_position(p, table) for p in _dicts(_get(r, "positions", list)))
        words, spaces = _strings(_get(t, "words", list)), _get(t, "spaces", str)
        if len(words) != len(spaces) or set(spaces) - {"0", "1"}:
            raise DecodeError("tokens do not match their spaces")
        tokens = Tokens(tuple(words), tuple(s == "1" for s in spaces))
        resume = Resume(sections, positions, _lines(r, table), tuple(_strings(_get(r, "warnings", list))))
        return Parsed(document, resume, tokens)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
        raise DecodeError(f"not a stored parse: {exc}") from None


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


_Evidence = tuple[str, str, str | None, str | None, int, str | None]
_Claim = tuple[str, float, str, int]


class _StoredFindings(msgspec.Struct):
    """The layout :func:`encode_findings` writes, for msgspec to check every field's type as it decodes
    (several times faster than checking the standard library's output here)."""

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
    lines: list[tuple[str, int, int, bool, float]]


_FINDINGS = msgspec.json.Decoder(_StoredFindings)


def decode_findings(text: str) -> Findings:
    """The value :func:`encode_findings` wrote; :class:`DecodeError` for anything else."""
    try:
        value = _FINDINGS.decode(text)
    except (msgspec.DecodeError, RecursionError) as exc:
        raise DecodeError(f"not stored findings: {exc}") from None
    if value.format != FORMAT:
        raise DecodeError("another format version")
    table = tuple(Line(*x) for x in value.lines)
    if not all(0 <= i < len(table) for p in value.positions for i in p.lines):
        raise DecodeError("a line reference is out of range")
    positions = tuple(Position(p.title, p.organisation, DateRange(*p.dates), tuple(table[i] for i in p.lines),
                               p.section) for p in value.positions)
    backend, internships = frozenset(value.backend), frozenset(value.internships)
    if not all(0 <= i < len(positions) for i in backend | internships):
        raise DecodeError("a position reference is out of range")
    skills = {s[0]: SkillExperience(*s[:4], None if s[4] is None else Claim(*s[4]), *s[5:8],
                                    tuple(Evidence(*x) for x in s[8]), frozenset(s[9])) for s in value.skills}
    keywords = {rid: tuple((k, Evidence(*x)) for k, x in found) for rid, found in value.keywords.items()}
    evidence_total, evidence_backend = (tuple(Evidence(*x) for x in e) for e in value.evidence)
    experience = Experience(*value.months, skills, positions, backend, internships, evidence_total, evidence_backend)
    return Findings(experience, keywords, value.text_chars, tuple(value.warnings))


def _position_value(p: Position, refs: Any) -> dict[str, Any]:
    return {"title": p.title, "organisation": p.organisation, "section": p.section,
            "dates": [p.dates.start, p.dates.end, p.dates.text, p.dates.ongoing, p.dates.coarse, p.dates.calendar],
            "lines": refs(p.lines)}


def _position(p: dict[str, Any], table: tuple[Line, ...]) -> Position:
    return Position(_get(p, "title", str), _get(p, "organisation", str), _dates(_get(p, "dates", list)),
                    _lines(p, table), _get(p, "section", str))


def _evidence_value(e: Evidence) -> list[Any]:
    return [e.source, e.text, e.start, e.end, e.months, e.match]
















def _get(value: Any, key: str, kind: type) -> Any:
    if not isinstance(value, dict):
        raise DecodeError("expected an object")
    item = value[key]
    if type(item) is not kind:  # exact: a bool is not an int here
        raise DecodeError(f"{key}: expected {kind.__name__}")
    return item


def _choice(value: str, allowed: set[str]) -> Any:
    if value not in allowed:
        raise DecodeError(f"unknown value {value!r}")
    return value


def _strings(items: list[Any]) -> list[str]:
    if not all(type(x) is str for x in items):
        raise DecodeError("expected strings")
    return items


def _dicts(items: list[Any]) -> list[dict[str, Any]]:
    if not all(type(x) is dict for x in items):
        raise DecodeError("expected objects")
    return items


def _line(x: Any) -> Line:
    if not (type(x) is list and len(x) == 5):
        raise DecodeError("a line is [text, number, page, heading, x0]")
    text, number, page, heading, x0 = x
    if not (type(text) is str and type(number) is int and type(page) is int and type(heading) is bool
            and type(x0) in (int, float)):
        raise DecodeError("a line's fields have the wrong types")
    return Line(text, number, page, heading, float(x0))


def _lines(value: dict[str, Any], table: tuple[Line, ...]) -> tuple[Line, ...]:
    refs = _get(value, "lines", list)
    if not all(type(i) is int and 0 <= i < len(table) for i in refs):
        raise DecodeError("a line reference is out of range")
    return tuple(table[i] for i in refs)


def _stated(x: Any) -> StatedPosition:
    if not (type(x) is list and len(x) == 8):
        raise DecodeError("a stated position is [title, organisation, start, end, dates, coarse, first, last]")
    title, organisation, start, end, dates, coarse, first, last = x
    if not (type(title) is str and type(organisation) is str and type(start) is int
            and (end is None or type(end) is int) and type(dates) is str and type(coarse) is bool
            and type(first) is int and type(last) is int):
        raise DecodeError("a stated position's fields have the wrong types")
    return StatedPosition(title, organisation, start, end, dates, coarse, (first, last))


def _dates(x: list[Any]) -> DateRange:
    if len(x) != 6:
        raise DecodeError("dates are [start, end, text, ongoing, coarse, calendar]")
    start, end, text, ongoing, coarse, calendar = x
    if not (type(start) is int and type(end) is int and type(text) is str and type(ongoing) is bool
            and type(coarse) is bool):
        raise DecodeError("the dates' fields have the wrong types")
    return DateRange(start, end, text, ongoing, coarse, _choice(calendar, _CALENDARS))
