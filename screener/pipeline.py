"""The library API: screen one document end to end (extract → parse → measure → assess).

A failed document is a value (:class:`Outcome` with status 'error' and a code), never an exception,
so a batch always goes on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from screener.assess import Assessment, Assessor
from screener.errors import ExtractError
from screener.experience import RoleClassifier, measure, vocabulary_for
from screener.extract import Limits, extract, read_file
from screener.model import Document, Experience, Resume, month_index
from screener.parse import parse
from screener.rules import LoadedRules
from screener.skills import SkillFinder


@dataclass(frozen=True)
class Outcome:
    """One row of a report: a screened CV, or a file that could not be screened and why."""

    file: str
    sha256: str | None
    status: Literal["ok", "error"]
    error_code: str | None = None
    error_message: str | None = None
    document: Document | None = None
    resume: Resume | None = None
    experience: Experience | None = None
    assessment: Assessment | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the extractor and the parser doubt about this file."""
        return (self.document.warnings if self.document else ()) + (self.resume.warnings if self.resume else ())


class Screener:
    """Everything that depends only on the rules and the as-of date, built once per process."""

    def __init__(self, loaded: LoadedRules, as_of: date, limits: Limits = Limits()) -> None:
        self.loaded = loaded
        self.as_of = as_of
        self.as_of_month = month_index(as_of.year, as_of.month)
        self.limits = limits
        self.finder = SkillFinder(loaded.rules)
        self.vocabulary = vocabulary_for(loaded.rules)
        self.classifier = RoleClassifier(loaded.rules.roles, self.vocabulary)
        self.assessor = Assessor(loaded.rules)

    def screen_bytes(self, data: bytes, file: str) -> Outcome:
        """Screen a document's bytes; ``file`` is the name shown in the report."""
        digest = hashlib.sha256(data).hexdigest()
        try:
            document = extract(data, file, self.limits)
        except ExtractError as exc:
            return Outcome(file, digest, "error", exc.code, exc.message)
        except RecursionError:
            return Outcome(file, digest, "error", "corrupt", "The document is nested too deeply to be read.")
        resume = parse(document, self.as_of_month, self.vocabulary)
        experience = measure(resume, self.loaded.rules, self.finder, self.classifier)
        assessment = self.assessor.assess(experience, document.lines, document.warnings + resume.warnings)
        return Outcome(file, digest, "ok", document=document, resume=resume, experience=experience,
                       assessment=assessment)

    def screen_file(self, path: Path, file: str | None = None) -> Outcome:
        """Screen a file from disk, checking its size before reading it."""
        name = file if file is not None else str(path)
        try:
            data = read_file(path, self.limits)
        except ExtractError as exc:
            return Outcome(name, None, "error", exc.code, exc.message)
        return self.screen_bytes(data, name)
