"""JSON résumés → :class:`Document`.

JSON Resume (jsonresume.org, v0 and v1) and FRESH state a person's positions as data, so the
document carries them as :class:`StatedPosition` and the parser takes them as they are, with no
layout to guess. ``work[]`` are jobs; ``volunteer[]`` is written under a volunteering heading and is
not a job. Every other field is written as lines under the usual headings (skills, education,
projects…), so skills, claims and mentions are found in the text as in any other CV. Other JSON
objects (an application's own résumé shape) are written as an outline, each key a heading and each
text a line, and parsed like text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from screener.errors import ExtractError
from screener.extract.text import decode
from screener.model import Document, Line, StatedPosition, month_index

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-\d{1,2})?(?:T.*)?")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[_\-]+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SHORT = 80  # characters: a title, a name, a place or dates, not a sentence


def extract_json(data: bytes) -> Document:
    try:
        value = json.loads(decode(data))
    except (ValueError, RecursionError) as exc:
        raise ExtractError("corrupt", f"the file starts like JSON but is not valid JSON ({exc})"[:200]) from None
    if not isinstance(value, dict):
        raise ExtractError("unsupported_format", "the file is JSON but not a résumé (not a JSON object)")
    fresh = _fresh(value)
    if fresh is not None or isinstance(value.get("work"), list):
        return _Writer().resume(fresh or value)
    return _Writer().outline(value)


def _fresh(value: dict[str, Any]) -> dict[str, Any] | None:
    """A FRESH résumé in JSON Resume's shape, or None when it is not FRESH."""
    employment = value.get("employment")
    if not (isinstance(employment, dict) and isinstance(employment.get("history"), list)):
        return None

    def history(key: str) -> list[Any]:
        part = value.get(key)
        return part.get("history", []) if isinstance(part, dict) else []

    def job(entry: Any, org: str) -> Any:
        if not isinstance(entry, dict):
            return entry
        return {**entry, "name": entry.get(org), "startDate": entry.get("start"), "endDate": entry.get("end")}

    skills, info = _object(value.get("skills")), _object(value.get("info"))
    return {
        "basics": {"label": info.get("label"), "summary": info.get("brief")},
        "work": [job(e, "employer") for e in employment["history"]],
        "volunteer": [job(e, "organization") for e in history("service")],
        "education": [job(e, "institution") for e in history("education")],
        "skills": [{"name": s.get("name"), "keywords": s.get("skills")} for s in skills.get("sets", [])
                   if isinstance(s, dict)] + list(skills.get("list", [])),
        "projects": [job(e, "title") for e in value.get("projects", []) if isinstance(e, dict)],
        "awards": value.get("recognition", []),
        "publications": value.get("writing", []),
        "languages": value.get("languages", []),
        "interests": value.get("interests", []),
    }


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _month(value: Any, end: bool) -> tuple[int, bool] | None:
    """A JSON Resume date (ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD) as a month index, and whether it is
    year-only; year-only dates run from July to June, as year-only ranges do in any CV."""
    match = _ISO.fullmatch(value.strip()) if isinstance(value, str) else None
    if not match or (match.group(2) and not 1 <= int(match.group(2)) <= 12):
        return None
    month = int(match.group(2)) if match.group(2) else (6 if end else 7)
    return month_index(int(match.group(1)), month), not match.group(2)


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _texts(value: Any) -> list[str]:
    return [t for t in map(_text, value) if t] if isinstance(value, list) else []


class _Writer:
    """Builds the document's lines; a heading is written only when something follows it."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.positions: list[StatedPosition] = []
        self._pending: str | None = None

    def heading(self, text: str) -> None:
        self._pending = text

    def line(self, text: str) -> int:
        if not text:
            return 0
        if self._pending:
            self.lines.append(Line(self._pending, len(self.lines) + 1, heading=True))
            self._pending = None
        self.lines.append(Line(text, len(self.lines) + 1))
        return len(self.lines)

    def document(self) -> Document:
        if not self.lines:
            raise ExtractError("no_text", "the JSON résumé has no text")
        return Document("json", tuple(self.lines), positions=tuple(self.positions))

    # --- JSON Resume -----------------------------------------------------------------------------

    def resume(self, value: dict[str, Any]) -> Document:
        basics = _object(value.get("basics"))
        self.heading("Summary")
        self.line(_text(basics.get("label")))
        self.line(_text(basics.get("summary")))
        self.entries("Work Experience", value.get("work"), "position", ("name", "company"), jobs=True)
        self.entries("Volunteering", value.get("volunteer"), "position", ("organization",), jobs=False)
        self.entries("Projects", value.get("projects"), "name", ("entity",), jobs=False)
        self.heading("Skills")
        for skill in value.get("skills") or []:
            if isinstance(skill, dict):
                words = ", ".join(_texts(skill.get("keywords")))
                self.line(": ".join(t for t in (_text(skill.get("name")), words) if t))
        self.heading("Education")
        for school in value.get("education") or []:
            if isinstance(school, dict):
                self.line(", ".join(t for t in (_text(school.get("studyType")), _text(school.get("area")),
                                                _text(school.get("institution"))) if t))
                self.line(self.period(school)[0])
                self.line(", ".join(_texts(school.get("courses"))))
        for key, heading, fields in (("certificates", "Certifications", ("name", "issuer", "date")),
                                     ("awards", "Awards", ("title", "awarder", "date", "summary")),
                                     ("publications", "Publications", ("name", "publisher", "releaseDate",
                                                                       "summary")),
                                     ("languages", "Languages", ("language", "fluency")),
                                     ("interests", "Interests", ("name",))):
            self.heading(heading)
            for item in value.get(key) or []:
                if isinstance(item, dict):
                    self.line(", ".join(t for t in [*(_text(item.get(f)) for f in fields),
                                                    *_texts(item.get("keywords"))] if t))
        return self.document()

    def period(self, entry: dict[str, Any]) -> tuple[str, tuple[int, bool] | None, tuple[int, bool] | None]:
        start, end = entry.get("startDate"), entry.get("endDate")
        if not _text(start):
            return "", None, None
        return f"{_text(start)} – {_text(end) or 'Present'}", _month(start, False), _month(end, True)

    def entries(self, heading: str, items: Any, title_key: str, org_keys: tuple[str, ...], jobs: bool) -> None:
        self.heading(heading)
        for entry in items if isinstance(items, list) else []:
            if not isinstance(entry, dict):
                continue
            title = _text(entry.get(title_key))
            org = next((t for k in org_keys if (t := _text(entry.get(k)))), "")
            dates, start, end = self.period(entry)
            first = self.line(", ".join(t for t in (title, org) if t)) or len(self.lines) + 1
            for text in (dates, _text(entry.get("location")), _text(entry.get("description")),
                         _text(entry.get("summary"))):
                self.line(text)
            for text in _texts(entry.get("highlights")):
                self.line(f"• {text}")
            if words := _texts(entry.get("keywords")):
                self.line("Keywords: " + ", ".join(words))
            ongoing = not _text(entry.get("endDate"))
            if jobs and start and (end or ongoing) and len(self.lines) >= first:
                self.positions.append(StatedPosition(title, org, start[0], end[0] if end else None, dates,
                                                     start[1] or bool(end and end[1]), (first, len(self.lines))))

    # --- any other JSON object --------------------------------------------------------------------

    def outline(self, value: dict[str, Any]) -> Document:
        self.walk(value, in_item=False, depth=0)
        document = self.document()
        return Document(document.kind, document.lines)  # nothing stated: the parser finds the positions

    def walk(self, value: Any, in_item: bool, depth: int) -> None:
        """Texts as lines; a key whose value is an object, or a list outside a list's item, as a heading
        ('workExperience' → 'Work Experience'); a list of texts inside an item as bullets."""
        if depth > 20:
            return
        if isinstance(value, str):
            self.line(_text(value))
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    self.line(("• " if in_item else "") + _text(item) if _text(item) else "")
                else:
                    self.walk(item, True, depth + 1)
        elif isinstance(value, dict):
            if in_item:  # an entry: its short texts on one header line, then its dates, as a CV writes them
                short = [t for t in map(_text, value.values()) if t and len(t) <= _SHORT]
                self.line(", ".join(t for t in short if not _YEAR.search(t)))
                for text in short:
                    if _YEAR.search(text):
                        self.line(text)
            for name, item in value.items():
                if isinstance(item, dict) or isinstance(item, list) and not in_item:
                    self.heading(" ".join(w.capitalize() for w in _CAMEL.split(name) if w))
                if not (in_item and isinstance(item, str) and len(_text(item)) <= _SHORT):
                    self.walk(item, in_item, depth + 1)
