"""``screener check``: screen the sample CVs and compare their outcomes with samples/expected.yaml.

A rules change that moves a sample's verdict or score fails CI until the expectations are
re-recorded on purpose (``--update``), which keeps the file's comments (ruamel.yaml round trip).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from screener.errors import ScreenerError
from screener.result import Candidate, Report

VERDICTS = ("pass", "review", "fail", "error")
DEFAULT_TOLERANCE = 0.5
HEADER = """\
Expected outcomes of the sample CVs, checked by `screener check` (CI runs it on every rules change).
After a deliberate change, re-record them with `screener check --update` and review the diff.
Comments in this file are kept by --update.
"""


@dataclass(frozen=True)
class Result:
    verdict: str  # pass / review / fail, or 'error' for a file that could not be screened
    score: float | None
    why: str = ""  # the first reason for the verdict (not stored)

    @classmethod
    def of(cls, c: Candidate) -> Result:
        if c.error is not None:
            return cls("error", None, f"{c.error.code}: {c.error.message}")
        return cls(c.verdict or "error", c.score, c.reasons[0] if c.reasons else "")


@dataclass(frozen=True)
class Expectations:
    as_of: date | None
    score_tolerance: float
    files: dict[str, Result]


@dataclass(frozen=True)
class Difference:
    file: str
    expected: Result | None  # None: a new sample
    actual: Result | None  # None: a sample that is gone
    change: str


def results_of(report: Report) -> dict[str, Result]:
    """Verdict and score of every sample CV of a report, by its path relative to the samples folder (found
    as `screener screen` finds them: the folder's .screenerignore leaves out the README, answer keys,
    sources and scripts)."""
    return {c.file: Result.of(c) for c in report.candidates}


def read_expectations(path: Path) -> Expectations:
    """The expectations file, checked enough to give a clear message when it is malformed."""
    doc = _load(path)
    as_of, files = doc.get("as_of"), doc.get("files")
    tolerance = doc.get("score_tolerance", DEFAULT_TOLERANCE)
    if isinstance(as_of, str):
        try:
            as_of = date.fromisoformat(as_of)
        except ValueError:
            raise ScreenerError(f"{path}: as_of '{as_of}' is not a date in the form YYYY-MM-DD") from None
    if as_of is not None and not isinstance(as_of, date):
        raise ScreenerError(f"{path}: as_of must be a date in the form YYYY-MM-DD")
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float) or tolerance < 0:
        raise ScreenerError(f"{path}: score_tolerance must be a number of points, 0 or more")
    if not isinstance(files, dict):
        raise ScreenerError(f"{path}: 'files' must map each sample's path (relative to the samples folder) to "
                            "its verdict and score")
    expected = {}
    for name, entry in files.items():
        verdict = entry.get("verdict") if isinstance(entry, dict) else None
        score = entry.get("score") if isinstance(entry, dict) else None
        if verdict not in VERDICTS or not (score is None or isinstance(score, int | float)):
            raise ScreenerError(f"{path}: files.{name} needs a verdict ({', '.join(VERDICTS)}) and a score "
                                "(a number, or null for an error)")
        expected[str(name)] = Result(verdict, None if score is None else float(score))
    return Expectations(as_of, float(tolerance), expected)


def compare(expected: Expectations, actual: dict[str, Result]) -> list[Difference]:
    """Every sample whose verdict changed or whose score moved by more than the tolerance, by path."""
    differences = []
    for name in sorted(set(expected.files) | set(actual)):
        old, new = expected.files.get(name), actual.get(name)
        if old is None:
            differences.append(Difference(name, None, new, "new sample, not in the expectations"))
        elif new is None:
            differences.append(Difference(name, old, None, "sample missing from the folder"))
        elif old.verdict != new.verdict:
            differences.append(Difference(name, old, new, f"verdict {old.verdict} → {new.verdict}"))
        elif _moved(old.score, new.score, expected.score_tolerance):
            differences.append(Difference(name, old, new, f"score {_score(old.score)} → {_score(new.score)} "
                                                          f"(tolerance ±{expected.score_tolerance:g})"))
    return differences


def _moved(old: float | None, new: float | None, tolerance: float) -> bool:
    if old is None or new is None:
        return old is not new
    return abs(old - new) > tolerance + 1e-9


def write_expectations(path: Path, actual: dict[str, Result], as_of: date) -> None:
    """Record the outcomes, keeping the file's comments, order and tolerance; atomically replaced."""
    yaml = YAML()
    yaml.width = 4096
    doc = _load(path) if path.exists() else _new_document()
    doc["as_of"] = as_of
    files = doc.get("files")
    if not isinstance(files, CommentedMap):
        files = doc["files"] = CommentedMap()
    for name in [n for n in files if n not in actual]:
        del files[name]
    for name in sorted(actual):
        result = actual[name]
        entry = files.get(name)
        if isinstance(entry, CommentedMap):
            entry["verdict"], entry["score"] = result.verdict, result.score
            continue
        entry = CommentedMap([("verdict", result.verdict), ("score", result.score)])
        entry.fa.set_flow_style()
        if name in files:
            files[name] = entry
        else:
            files.insert(sum(1 for n in files if str(n) < name), name, entry)
    buffer = io.StringIO()
    yaml.dump(doc, buffer)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(buffer.getvalue(), encoding="utf-8")
    os.replace(tmp, path)


def _new_document() -> CommentedMap:
    doc = CommentedMap([("as_of", None), ("score_tolerance", DEFAULT_TOLERANCE), ("files", CommentedMap())])
    doc.yaml_set_start_comment(HEADER)
    doc.yaml_add_eol_comment("points a score may move without counting as a change", "score_tolerance")
    return doc


def _load(path: Path) -> Any:
    try:
        doc = YAML().load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScreenerError(f"cannot read the expectations file '{path}': {exc.strerror or exc}") from None
    except YAMLError as exc:
        raise ScreenerError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(doc, CommentedMap):
        raise ScreenerError(f"{path}: expected keys as_of, score_tolerance and files")
    return doc


def _score(score: float | None) -> str:
    return "-" if score is None else f"{score:.1f}"


def differences_table(differences: list[Difference], expected_file: str) -> Table:
    """What changed, per sample: expected and current outcome, and why the verdict is what it is now."""
    table = Table(title=f"Samples that differ from {expected_file}", title_justify="left", show_lines=True)
    for name in ("file", "expected", "now", "change", "now, because"):
        table.add_column(name, overflow="fold")
    for d in differences:
        why = d.actual.why if d.actual else ""
        table.add_row(*map(Text, (d.file, _outcome(d.expected), _outcome(d.actual), d.change, why)))
    return table


def _outcome(result: Result | None) -> str:
    return "-" if result is None else f"{result.verdict} {_score(result.score)}"
