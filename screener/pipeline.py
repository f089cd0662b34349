"""The library API: screen one document end to end (extract → parse → find → assess).

A failed document is a value (:class:`Outcome` with status 'error' and a code), never an exception,
so a batch always goes on. With a parse cache, each stage's product is taken from it when it holds
one: findings (a rules change that only moves thresholds or weights re-scores them), else the parse
(new words are found again in it), else the extracted document (another month of 'Present').
The extractors, the parser and spaCy are imported only when a file needs them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from screener.assess import Assessor
from screener.cache import ParseCache, document_key, findings_key, parse_key
from screener.discover import discover
from screener.errors import ExtractError
from screener.extract import Limits, extract, read_file
from screener.model import Document, Findings, Parsed, month_index
from screener.parse import parse
from screener.result import Candidate, Outcome, Report, RulesInfo
from screener.rules import LoadedRules

if TYPE_CHECKING:
    from screener.findings import Finder
    from screener.parse.vocabulary import Vocabulary


class Screener:
    """Everything that depends only on the rules and the as-of date, built once per process.

    ``keep_text``: outcomes always carry the document and résumé (blind mode redacts from them), even
    when the findings are cached."""

    def __init__(self, loaded: LoadedRules, as_of: date, limits: Limits = Limits(),
                 cache: ParseCache | None = None, keep_text: bool = False) -> None:
        self.loaded = loaded
        self.as_of = as_of
        self.as_of_month = month_index(as_of.year, as_of.month)
        self.limits = limits
        self.assessor = Assessor(loaded.rules)
        self.cache = cache
        self.keep_text = keep_text

    @cached_property
    def finder(self) -> Finder:
        """The rules' words, ready to find in a parse (built when a first file needs it)."""
        from screener.findings import Finder

        return Finder(self.loaded.rules, self.vocabulary)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        from screener.experience import vocabulary_for

        return vocabulary_for(self.loaded.rules)

    def screen_bytes(self, data: bytes, file: str) -> Outcome:
        """Screen a document's bytes; ``file`` is the name shown in the report."""
        digest = hashlib.sha256(data).hexdigest()
        try:
            if self.cache is None:
                parsed = self._parse(extract(data, file, self.limits))
                return self._scored(file, digest, self.finder.find(parsed), parsed)
            if (cached := self._cached(digest, file)) is not None:
                return cached
            parsed = self.parse_bytes(data, file, digest)
            findings = self.finder.find(parsed)
            self.cache.store_findings(self._keys(digest, file)[2], findings)
            return self._scored(file, digest, findings, parsed)
        except ExtractError as exc:
            return Outcome(file, digest, "error", exc.code, exc.message)
        except RecursionError:
            return Outcome(file, digest, "error", "corrupt", "The document is nested too deeply to be read.")

    def screen_cached(self, path: Path, file: str) -> Outcome | None:
        """The outcome of a file whose findings (and, with ``keep_text``, parse) the cache holds, read
        from it in this process; None when it does not (or the file cannot be read): screen it then."""
        if self.cache is None:
            return None
        try:
            data = read_file(path, self.limits)
        except ExtractError:
            return None
        return self._cached(hashlib.sha256(data).hexdigest(), file)

    def _cached(self, digest: str, file: str) -> Outcome | None:
        """The outcome the cache holds for these bytes (their findings, or why they cannot be read), or None."""
        assert self.cache is not None
        doc_key, key, found = self._keys(digest, file)
        findings = self.cache.load_findings(found)
        if findings is None:
            failure = self.cache.load_failure(doc_key)
            return None if failure is None else Outcome(file, digest, "error", failure.code, failure.message)
        parsed = self.cache.load(key) if self.keep_text else None
        if self.keep_text and parsed is None:
            return None
        return self._scored(file, digest, findings, parsed)

    def parse_bytes(self, data: bytes, file: str, digest: str) -> Parsed:
        """Extract and parse, or take both from the parse cache (raises ExtractError).

        A parse is keyed by the vocabulary too (a rules file adds title words to it), not by the
        requirements. A document cached for another month of 'Present' is parsed again, not extracted
        again."""
        if self.cache is None:
            return self._parse(extract(data, file, self.limits))
        doc_key, key, _ = self._keys(digest, file)
        parsed = self.cache.load(key)
        if parsed is None:
            parsed = self._parse(self.cache.load_document(doc_key) or self._extract(data, file, doc_key, self.cache))
            self.cache.store(key, doc_key, parsed)
        return parsed

    def _extract(self, data: bytes, file: str, doc_key: str, cache: ParseCache) -> Document:
        """Extract, unless the cache knows that these bytes cannot be read; a failure is kept for next time."""
        failure = cache.load_failure(doc_key)
        if failure is not None:
            raise failure
        try:
            return extract(data, file, self.limits)
        except ExtractError as exc:
            cache.store_failure(doc_key, exc)
            raise

    def _keys(self, digest: str, file: str) -> tuple[str, str, str]:
        """The keys of the document, its parse and its findings."""
        doc_key = document_key(digest, file, self.limits)
        key = parse_key(doc_key, self.as_of_month, self.loaded.rules)
        return doc_key, key, findings_key(key, self.loaded.rules)

    def _parse(self, document: Document) -> Parsed:
        resume = parse(document, self.as_of_month, self.vocabulary)
        return Parsed(document, resume, self.finder.skills.tokenize(document.lines))

    def _scored(self, file: str, digest: str, findings: Findings, parsed: Parsed | None) -> Outcome:
        return Outcome(file, digest, "ok", document=parsed.document if parsed else None,
                       resume=parsed.resume if parsed else None, findings=findings,
                       assessment=self.assessor.assess(findings))

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
