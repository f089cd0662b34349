"""Split a document's lines into sections by their headings."""

from __future__ import annotations

import re
from dataclasses import replace

from screener.model import Line, Section, SectionKind

# Whole-heading phrases, normalised (lower case, letters and spaces only).
_EXACT: dict[str, SectionKind] = {}
for _kind, _phrases in {
    "experience": "experience|work experience|professional experience|work history|employment|employment history"
                  "|career|career history|relevant experience|professional background|work|positions"
                  "|experience and employment|professional history|working experience|industry experience"
                  "|employment record|job history|career summary|professional career|work and experience"
                  "|where i ve worked|where i have worked|places i ve worked|professional experiences|jobs"
                  "|positions held|roles|roles held|employment experience|career path|professional journey"
                  "|career journey",
    "education": "education|academic background|academics|qualifications|education and training|studies"
                 "|academic history|education history|academic record|academic qualifications"
                 "|education and certifications|degrees|study|academic|schooling|university",
    "skills": "skills|technical skills|tech stack|toolbox|technologies|competencies|core competencies"
              "|expertise|tools|professional skills|skills and tools|core skills|key skills|stack"
              "|technical expertise|skills summary|languages and tools|technical proficiencies",
    "projects": "projects|side projects|personal projects|open source|selected projects|open source projects"
                "|hobby projects",
    "summary": "summary|profile|about|about me|objective|overview|professional summary|career objective"
               "|personal statement|introduction",
    "credentials": "certifications|certificates|licenses|licences|licenses and certifications"
                   "|licences and certifications|certifications and licenses|certificates and courses"
                   "|courses and certifications|awards|honors|honours|awards and honors|honors and awards"
                   "|publications|volunteering|volunteer|volunteer work|volunteer experience|achievements"
                   "|courses|training|memberships|community|community involvement",
    "other": "languages|interests|hobbies|contact|references|leadership|activities|additional information"
             "|personal information|links|professional skills summary",
}.items():
    for _p in _phrases.split("|"):
        _EXACT[_p] = _kind  # type: ignore[assignment]

# Keywords for headings not in the list above (only trusted on lines that look like headings).
_KEYWORDS: list[tuple[re.Pattern[str], SectionKind]] = [
    (re.compile(r"\b(certif\w*|licen[cs]es?|volunteer\w*|awards?|honou?rs|publications?|courses)\b"),
     "credentials"),
    (re.compile(r"\b(experience|employment|work history|career|worked|journey)\b"), "experience"),
    (re.compile(r"\b(education|academic)\b"), "education"),
    (re.compile(r"\b(skills|stack|technolog\w*|competenc\w*)\b"), "skills"),
    (re.compile(r"\bprojects?\b"), "projects"),
    (re.compile(r"\b(summary|profile|about)\b"), "summary"),
]
# A job title set in a heading font ('Full-Stack Developer') is not a section heading.
_ROLE_WORDS = re.compile(r"\b(developer|engineer|manager|intern|architect|consultant|analyst|designer|lead)\b")
_NUMBERING = re.compile(r"^\s*(?:[\dIVX]+[.)]\s*|#+\s*|[•\-*]\s*)")


def _normalise(text: str) -> str:
    text = _NUMBERING.sub("", text)
    text = text.replace("&", " and ")
    return " ".join(re.sub(r"[^a-z ]+", " ", text.lower()).split())


def heading_kind(line: Line) -> SectionKind | None:
    """The section a line opens, or None when it is not a section heading."""
    text = line.text.strip()
    if not text or len(text) > 60 or "\t" in text.strip():
        return None
    norm = _normalise(text)
    if not norm:
        return None
    if norm in _EXACT:
        return _EXACT[norm]
    words = norm.split()
    looks_like_heading = line.heading or (text.isupper() and len(words) <= 5) or text.endswith(":")
    # Unknown wording is trusted only on a short, plain line: 'FACEBOOK | SOFTWARE ENGINEER' is a job.
    if not looks_like_heading or len(words) > 5 or re.search(r"[\d|,·•–—@]", text) or _ROLE_WORDS.search(norm):
        return None
    for pattern, kind in _KEYWORDS:
        # a longer line opens a section only by a noun that names one ('Experience and Leadership'),
        # not by a word a title may hold ('Project Management Simulation Training')
        if pattern.search(norm) and (len(words) <= 3 or kind in ("experience", "education", "skills", "credentials")):
            return kind
    return None


def _label_column(line: Line) -> tuple[SectionKind, str, Line] | None:
    """A heading set in a left-hand label column, on one line with its first content:
    'EXPERIENCE<TAB>Acme, Engineer<TAB>2022 – Present' → the heading and the rest of the line."""
    label, sep, rest = line.text.strip().partition("\t")
    kind = _EXACT.get(_normalise(label)) if sep and rest.strip() else None
    if kind is None:
        return None
    return kind, label.strip(), replace(line, text=rest.strip())


def split_sections(lines: tuple[Line, ...]) -> tuple[Section, ...]:
    """Sections in document order; lines before the first heading form the 'preamble'."""
    sections: list[Section] = []
    kind: SectionKind = "preamble"
    heading = ""
    body: list[Line] = []
    for line in lines:
        new_kind = heading_kind(line)
        first: list[Line] = []
        if new_kind is None and (labelled := _label_column(line)):
            new_kind, text, rest = labelled
            first = [rest]
        else:
            text = line.text.strip()
        if new_kind is None:
            body.append(line)
            continue
        if body or kind != "preamble":
            sections.append(Section(kind, heading, tuple(body)))
        kind, heading, body = new_kind, text, first
    sections.append(Section(kind, heading, tuple(body)))
    return tuple(sections)
