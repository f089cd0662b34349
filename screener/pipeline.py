"""The library API: screen one document end to end (extract → parse → measure → assess).

A failed document is a value (:class:`Outcome` with status 'error' and a code), never an exception,
so a batch always goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from screener.assess import Assessor
from screener.discover import discover
from screener.errors import ExtractError
from screener.experience import RoleClassifier, measure, vocabulary_for
from screener.extract import Limits, extract, read_file
from screener.model import month_index
from screener.parse import parse
from screener.result import Candidate, Outcome, Report, RulesInfo
from screener.rules import LoadedRules
from screener.skills import SkillFinder


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

    def screen_paths(self, paths: Sequence[Path], blind: bool = False) -> Report:
        """The report ``screener screen`` gives for these files and folders, screened in this process
        (no workers, so no time or memory limit per file); ``blind`` as ``screen --blind``."""
        inputs, skipped = discover(paths)
        if blind:
            from screener.blind import blind_candidate, blind_rows

            rows = [blind_candidate(self.screen_file(i.path, i.file), self.loaded) for i in inputs]
            candidates, skipped, _ = blind_rows(rows, inputs, skipped)
        else:
            candidates = [Candidate.from_outcome(self.screen_file(i.path, i.file)) for i in inputs]
        return Report.of(self.as_of.isoformat(), RulesInfo.of(self.loaded), candidates, skipped)
