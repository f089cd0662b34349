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
from screener.cache import ParseCache, document_key, parse_key
from screener.discover import discover
from screener.errors import ExtractError
from screener.experience import RoleClassifier, measure, vocabulary_for
from screener.extract import Limits, extract, read_file
from screener.model import Document, Parsed, month_index
from screener.parse import parse
from screener.result import Candidate, Outcome, Report, RulesInfo
from screener.rules import LoadedRules
from screener.skills import SkillFinder


class Screener:
    """Everything that depends only on the rules and the as-of date, built once per process."""

    def __init__(self, loaded: LoadedRules, as_of: date, limits: Limits = Limits(),
                 cache: ParseCache | None = None) -> None:
        self.loaded = loaded
        self.as_of = as_of
        self.as_of_month = month_index(as_of.year, as_of.month)
        self.limits = limits
        self.finder = SkillFinder(loaded.rules)
        self.vocabulary = vocabulary_for(loaded.rules)
        self.classifier = RoleClassifier(loaded.rules.roles, self.vocabulary)
        self.assessor = Assessor(loaded.rules)
        self.cache = cache

    def screen_bytes(self, data: bytes, file: str) -> Outcome:
        """Screen a document's bytes; ``file`` is the name shown in the report."""
        digest = hashlib.sha256(data).hexdigest()
        try:
            parsed = self.parse_bytes(data, file, digest)
        except ExtractError as exc:
            return Outcome(file, digest, "error", exc.code, exc.message)
        except RecursionError:
            return Outcome(file, digest, "error", "corrupt", "The document is nested too deeply to be read.")
        document, resume = parsed.document, parsed.resume
        experience = measure(resume, self.loaded.rules, self.finder, self.classifier, parsed.tokens)
        assessment = self.assessor.assess(experience, document.lines, document.warnings + resume.warnings)
        return Outcome(file, digest, "ok", document=document, resume=resume, experience=experience,
                       assessment=assessment)

    def parse_bytes(self, data: bytes, file: str, digest: str) -> Parsed:
        """Extract and parse, or take both from the parse cache (raises ExtractError).

        A parse is keyed by the vocabulary too (a rules file adds title words to it), not by the
        requirements: a changed threshold or weight re-scores from the cache. A document cached for
        another month of 'Present' is parsed again, not extracted again."""
        if self.cache is None:
            return self._parse(extract(data, file, self.limits))
        doc_key = document_key(digest, file, self.limits)
        key = parse_key(doc_key, self.as_of_month, self.vocabulary)
        parsed = self.cache.load(key)
        if parsed is None:
            parsed = self._parse(self.cache.load_document(doc_key) or extract(data, file, self.limits))
            self.cache.store(key, doc_key, parsed)
        return parsed

    def _parse(self, document: Document) -> Parsed:
        resume = parse(document, self.as_of_month, self.vocabulary)
        return Parsed(document, resume, self.finder.tokenize(document.lines))

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

            rows = [blind_candidate(self.screen_file(i.path, i.file), self.loaded, i.path) for i in inputs]
            candidates, skipped, _ = blind_rows(rows, inputs, skipped)
        else:
            candidates = [Candidate.from_outcome(self.screen_file(i.path, i.file)) for i in inputs]
        return Report.of(self.as_of.isoformat(), RulesInfo.of(self.loaded), candidates, skipped)
