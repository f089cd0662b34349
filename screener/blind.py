"""Blind mode for a whole batch: candidates named ``cand-`` + a hash prefix, their rows redacted.

In the worker (which still has the document), :func:`blind_candidate` redacts the person's own name,
places and contact details from every string of the row; in the parent, :func:`blind_rows` renames
every row and skipped entry by hash and returns the key from those names back to the paths, which
``--blind-key FILE`` writes for the person who may need to reopen a CV.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from screener.errors import ScreenerError
from screener.redact import Identity, Redactor, candidate_id, file_sha256, identity_of, metadata_names
from screener.result import Candidate, Skipped

if TYPE_CHECKING:
    from screener.discover import Input
    from screener.result import Outcome
    from screener.rules import LoadedRules


def skill_words(loaded: LoadedRules) -> list[str]:
    """The rules' names for skills: never taken for a person's name or place ('Go', 'Rust')."""
    return [a for s in loaded.rules.skills.values() for a in (s.label, *s.aliases, *s.ambiguous)]


_PATTERNS = Redactor()  # patterns only (e-mail, phone, links): no identity


def blind_candidate(outcome: Outcome, loaded: LoadedRules, path: Path | None = None) -> Candidate:
    """The row of a screened file with the person's name, places, contact details and personal
    attributes redacted from every string (evidence, positions, reasons); its file and hash kept.
    ``path`` is the file, whose author and title fields may name the person too."""
    row = Candidate.from_outcome(outcome)
    metadata = metadata_names(path) if path is not None and outcome.resume is not None else []
    identity = (identity_of(outcome.resume, skill_words(loaded), metadata) if outcome.resume is not None
                else Identity())
    redacted = Redactor(identity).value(row)
    return dataclasses.replace(redacted, file=row.file, sha256=row.sha256, status=row.status)


def blind_rows(rows: Sequence[Candidate], inputs: Sequence[Input], skipped: Sequence[Skipped]
               ) -> tuple[list[Candidate], list[Skipped], dict[str, str]]:
    """Rows (in the inputs' order) and skipped entries renamed by hash, sorted by that name, and the
    key from each name back to the file as it would have been shown."""
    key: dict[str, str] = {}
    named = [blind_row(row, given, key) for row, given in zip(rows, inputs, strict=True)]
    return sorted(named, key=lambda c: c.file), blind_skipped(skipped, key), key


def blind_row(row: Candidate, given: Input, key: dict[str, str]) -> Candidate:
    """One row renamed by its file's hash, with the patterns of contact details redacted; ``key``
    receives the name's file."""
    digest = row.sha256 or file_sha256(given.path)
    name = candidate_id(digest)
    key[name] = given.file
    return dataclasses.replace(_PATTERNS.value(_without(row, given.file, name)), file=name, sha256=digest,
                               status=row.status)


def blind_skipped(skipped: Sequence[Skipped], key: dict[str, str]) -> list[Skipped]:
    """Skipped entries renamed by their path's hash, sorted by that name; ``key`` receives each name's file."""
    hidden = []
    for entry in skipped:
        name = f"skipped-{hashlib.sha256(entry.file.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
        key[name] = entry.file
        hidden.append(Skipped(name, _PATTERNS.text(entry.reason.replace(entry.file, name))))
    return sorted(hidden, key=lambda s: s.file)


def _without(row: Candidate, file: str, name: str) -> Candidate:
    """A row whose messages no longer quote the file's path (an error may name it)."""
    if row.error is None:
        return row
    error = dataclasses.replace(row.error, message=row.error.message.replace(file, name))
    return dataclasses.replace(row, error=error, reasons=tuple(r.replace(file, name) for r in row.reasons))


def write_key(path: Path, key: dict[str, str]) -> None:
    """The key as CSV (id, file), readable by its owner only (mode 0600)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "file"])
    writer.writerows(sorted(key.items()))
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            os.fchmod(handle.fileno(), 0o600)  # also when the file existed with a wider mode
            handle.write(out.getvalue())
    except OSError as exc:
        raise ScreenerError(f"cannot write the blind key '{path}': {exc.strerror or exc}") from None
