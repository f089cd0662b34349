"""Blind mode: remove what identifies a person from everything a report shows.

Who the person is never reaches the score (scoring reads dates, titles and skills only); this module
makes sure it does not reach the output either. Two sources of personal data are removed:

- patterns, anywhere: e-mail addresses, URLs and profile links, phone numbers (Google's
  libphonenumber via ``phonenumbers``), labelled attributes ("Date of birth: …", "Nationality: …",
  "Gender: …", "Marital status: …", "Address: …"), pronoun lines, ages and photo references;
- this CV's own identity: the person's name and the places of their contact lines, read from the
  header lines above the first section and from contact sections (:func:`identity_of`), then
  removed wherever they recur (evidence lines, organisations, titles).

A candidate is named by :func:`candidate_id`, a prefix of the file's sha256, never by its path.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import phonenumbers

from screener.model import Line, Resume

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(
    r"(?i)\b(?:https?://|www\.)\S+"  # anything with a scheme or www.
    r"|\b(?:[\w-]+\.)*(?:linkedin|github|gitlab|bitbucket|xing|twitter|x|behance|dribbble|stackoverflow"
    r"|medium|about\.me|t\.me|instagram|facebook)\.(?:com|me|io|org)(?:/\S*)?"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|me|info|site|page|app|xyz)/\S*")
# A run of digits, spaces and phone punctuation; a phone number when it has enough digits and is no date.
PHONE_LIKE = re.compile(r"(?<![\w+])\+?\(?\d[\d ()./-]{5,}\d(?!\w)")
_DATE = r"(?:(?:19|20|13|14)\d\d(?:[./-]\d{1,2}){0,2}|\d{1,2}[./-](?:\d{1,2}[./-])?(?:19|20|13|14)\d\d)"
DATE_LIKE = re.compile(rf"\(?{_DATE}(?:\s*(?:-|to)\s*{_DATE})?\)?")
_LABELS = (r"date of birth|birth ?date|birthday|d\.?o\.?b\.?|born|age|gender|sex|pronouns?|nationality"
           r"|citizenship|marital status|family status|civil status|religion|photo(?:graph)?|picture|address"
           r"|home address|location|residence|based in|lives in|place of birth|visa status|children")
# 'Nationality: Iranian' at a line's start or after a separator: the value goes, up to the next separator.
LABELLED = re.compile(rf"(?i)(^|[·•|;,\t(]\s*)({_LABELS})(\s*[:\t]\s*|\s+[–—-]\s+)([^·•|;\t]*[^·•|;\t\s)])")
PRONOUNS = re.compile(r"(?i)\(?\b(?:she|he|they|ze|xe)\s*/\s*(?:her|him|them|hir|xem|they|she|he)"
                      r"(?:\s*/\s*\w+)?\b\)?")
AGE = re.compile(r"(?i)\b(?:aged\s+\d{2}|\d{2}\s*(?:years? old|y/o|yo)\b)|\bborn\s+(?:on\s+|in\s+)?[\w ,.]*?\d{4}")
PHOTO = re.compile(r"!\[[^\]]*\]\([^)]*\)|(?i:\S+\.(?:jpe?g|png|gif|heic|webp|bmp)\b)")

PARTICLES = {"de", "del", "della", "der", "den", "van", "von", "da", "das", "dos", "du", "di", "la", "le", "al",
             "el", "bin", "ibn", "bint", "ben", "y", "e", "af", "zu", "ter", "ten", "st", "mc"}
# Words of a headline, a label or a heading: never part of a person's name or home town.
HEADLINE = re.compile(
    r"(?i)\b(engineer\w*|develop\w*|programm\w*|coder|architect|lead|head|manager|director|officer|cto|ceo"
    r"|consultant|contractor|freelance\w*|analyst|scientist|designer|specialist|administrator|admin|sre"
    r"|devops|intern\w*|trainee|student|graduate|researcher|founder|backend|frontend|full[- ]?stack"
    r"|software|senior|junior|staff|principal|curriculum|vitae|resume|résumé|cv|contacts?|profile|summary"
    r"|e-?mail|phone|mobile|tel|updated|page|portfolio|details|information|location|address|links"
    r"|languages|remote|hybrid|relocation|available|open)\b")
CONTACT_HEADINGS = {"contact", "contacts", "contact details", "contact information", "contact info",
                    "personal details", "personal information", "personal data", "personal info", "details",
                    "location", "address", "info", "links", "socials"}
SEPARATORS = re.compile(r"\s*(?:[·•|/—–,\t]|\s-\s|\s{3,})\s*")
NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?$")
OTHER_LABEL = re.compile(r"^\s*[^\W\d][\w &/-]{1,30}:\s")  # 'Skills: …' in a contact section is not contact
HEADER_LINE_CHARS = 100  # a longer line above the first section is a sentence, not a contact line
METADATA_BYTES = 1 << 20  # a DOCX's core properties larger than this are not read
# Authors that word processors fill in when nobody set a name.
GENERIC_AUTHOR = re.compile(r"(?i)\b(user|office|microsoft|windows|admin\w*|owner|author|customer|preferred"
                            r"|computer|apple|google|docs|libreoffice|openoffice|word|writer|unknown|template)\b")


@dataclass(frozen=True)
class Identity:
    """What identifies one person in their own CV: name words and the places of their contact lines."""

    names: tuple[str, ...] = ()  # the full name first, then its words
    places: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()  # numbers written without a country code, found in contact lines


def candidate_id(sha256: str) -> str:
    """The name a candidate is shown under in blind mode."""
    return f"cand-{sha256[:8]}"


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in blocks (for a file whose row carries no hash, e.g. one too large)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:  # unreadable: name it by its path's hash, which reveals nothing of the path
        return hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()
    return digest.hexdigest()


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _segments(text: str) -> list[str]:
    text = re.sub(r"^[#*>\s]+|[*_]+", " ", text).strip()
    return [part for s in SEPARATORS.split(text) if (part := s.strip(" ()[]*_:;."))]


def _looks_like_name(segment: str, keep: set[str]) -> bool:
    words = segment.split()
    named = [w for w in words if w.lower() not in PARTICLES]
    return (2 <= len(words) <= 5 and bool(named) and not HEADLINE.search(segment)
            and all(NAME_WORD.match(w) and w[0].isupper() and w.lower() not in keep for w in named))


def _is_phone(text: str) -> bool:
    return sum(c.isdigit() for c in text) >= 7 and DATE_LIKE.fullmatch(text.strip()) is None


def _is_place(segment: str, keep: set[str]) -> bool:
    words = segment.split()
    return (1 <= len(words) <= 4 and not HEADLINE.search(segment) and not any(c.isdigit() for c in segment)
            and all(NAME_WORD.match(w) and (w[0].isupper() or w.lower() in PARTICLES) and w.lower() not in keep
                    for w in words))


def _contact_lines(resume: Resume) -> list[Line]:
    """Short lines above the first section (or the first three lines when a heading comes first) and the
    lines of contact sections."""
    lines: list[Line] = []
    for section in resume.sections:
        heading = " ".join(re.sub(r"[^\w ]+", " ", section.heading.lower()).split())
        if section.kind == "preamble":
            lines += [line for line in section.lines if len(line.text) <= HEADER_LINE_CHARS]
        elif heading in CONTACT_HEADINGS:
            lines += [line for line in section.lines if line.text.strip() != section.heading.strip()]
    if not any(s.kind == "preamble" for s in resume.sections):
        lines = [line for line in resume.lines[:3] if len(line.text) <= HEADER_LINE_CHARS] + lines
    return lines


def identity_of(resume: Resume, keep: Iterable[str] = (), metadata: Iterable[str] = ()) -> Identity:
    """The person's name, places and national phone numbers as their own CV writes them.

    The name is the first contact-line segment that reads as a name (two to five capitalised words, no
    headline word); names in the file's author and title fields (``metadata``) are added. Places are
    the other plain capitalised segments of contact lines. ``keep`` lists words that are never personal
    (the rules' skill names: 'Go', 'Kafka')."""
    keep_words = {k.lower() for k in keep}
    name: str | None = None
    places: list[str] = []
    phones: list[str] = []
    for line in _contact_lines(resume):
        if OTHER_LABEL.match(line.text) and not LABELLED.match(line.text):  # 'Languages: Go, PHP, SQL'
            continue
        for segment in _segments(LABELLED.sub(lambda m: f"{m.group(1)}{m.group(4)}", line.text)):
            if EMAIL.search(segment) or URL.search(segment) or (name and segment.lower() == name.lower()):
                continue
            if _is_phone(segment):
                phones.append(segment)
            elif name is None and _looks_like_name(segment, keep_words):
                name = segment
            elif _is_place(segment, keep_words):
                places.append(segment)
    found = [name] if name else []
    found += [s for field in metadata for s in _segments(re.sub(r"['’]s\b", "", field))  # "Jane Doe's CV"
              if _looks_like_name(s, keep_words) and not GENERIC_AUTHOR.search(s)]
    names: list[str] = []
    for full in found:
        words = [w for w in [*full.split(), *re.split(r"[\s-]+", full)] if len(w) > 1 and w.lower() not in PARTICLES]
        names += [full, *words]
    names += [_fold(n) for n in names]
    return Identity(tuple(dict.fromkeys(names)), tuple(dict.fromkeys(places)), tuple(dict.fromkeys(phones)))


def _phrase(terms: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in ordered) + r")(?!\w)", re.IGNORECASE)


class Redactor:
    """Redacts text: personal patterns everywhere, plus one person's identity when given."""

    def __init__(self, identity: Identity = Identity()) -> None:
        self.names = _phrase(identity.names)
        self.places = _phrase(identity.places)
        self.phones = _phrase(identity.phones)
        self._done: dict[str, str] = {}  # a row repeats its evidence lines: redact each once

    def text(self, text: str) -> str:
        if not text:
            return text
        if (done := self._done.get(text)) is None:
            done = self._done[text] = self._redact(text)
        return done

    def _redact(self, text: str) -> str:
        text = PHOTO.sub("[photo]", text)
        text = EMAIL.sub("[email]", text)
        text = URL.sub("[url]", text)
        if self.phones:
            text = self.phones.sub("[phone]", text)
        text = _phones(text)
        text = LABELLED.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}[redacted]", text)
        text = PRONOUNS.sub("[pronouns]", text)
        text = AGE.sub("[age]", text)
        if self.names:
            text = _sub_folded(self.names.sub("[name]", text), self.names, "[name]")
        if self.places:
            text = _sub_folded(self.places.sub("[location]", text), self.places, "[location]")
        return text

    def value(self, value: Any) -> Any:
        """Every string inside a report value redacted: dict values, lists, tuples, frozen dataclasses."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.value(v) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(value, **{f.name: self.value(getattr(value, f.name))
                                                 for f in dataclasses.fields(value) if f.init})
        return value


def _sub_folded(text: str, pattern: re.Pattern[str], mark: str) -> str:
    """Also redact what matches once accents are dropped ('Wisniewski' in a header, 'Wiśniewski' here)."""
    folded = text if text.isascii() else _fold(text)
    if folded == text or len(folded) != len(text):
        return text
    out, last = [], 0
    for m in pattern.finditer(folded):
        out += [text[last:m.start()], mark]
        last = m.end()
    return "".join(out) + text[last:]


def _phones(text: str) -> str:
    """Phone numbers: what libphonenumber finds with a country code, then digit groups that are no dates."""
    spans = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, None)] if "+" in text else []
    spans += [m.span() for m in PHONE_LIKE.finditer(text) if _is_phone(m.group())]
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in reversed(merged):
        text = text[:start] + "[phone]" + text[end:]
    return text


def metadata_names(path: Path) -> list[str]:
    """The author and title fields of a DOCX or PDF ('Priya Venkataraman', 'Priya Venkataraman - CV'):
    word processors fill them with the person's name, which the text may write differently."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(5)
        if magic.startswith(b"PK"):
            return _docx_fields(path)
        if magic.startswith(b"%PDF"):
            return _pdf_fields(path)
    except Exception:  # noqa: BLE001 - a damaged or encrypted file simply has no names to offer
        return []
    return []


def _docx_fields(path: Path) -> list[str]:
    import zipfile

    from defusedxml import ElementTree

    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("docProps/core.xml")
        if info.file_size > METADATA_BYTES:
            return []
        root = ElementTree.fromstring(archive.read(info))
    return [el.text for el in root if el.tag.rsplit("}", 1)[-1] in ("creator", "title") and el.text]


def _pdf_fields(path: Path) -> list[str]:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    with path.open("rb") as handle:
        document = PDFDocument(PDFParser(handle))
        values = [resolve1(info.get(key)) for info in document.info for key in ("Author", "Title")]
    return [decode_text(v) if isinstance(v, bytes) else v for v in values if isinstance(v, bytes | str) and v]
