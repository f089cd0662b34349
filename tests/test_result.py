"""The typed result: what a worker returns, the one JSON builder, and a formatter for every format."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from dataclasses import replace

import pytest

from screener.report import Format, Formatter, formatter
from screener.report.contract import candidate_dict, report_dict
from screener.result import Candidate, Report
from tests.conftest import REPO


def test_every_format_has_a_formatter() -> None:
    for fmt in Format:
        assert isinstance(formatter(fmt), Formatter), fmt


def test_a_candidate_crosses_a_process_boundary_unchanged(samples_report: Report) -> None:
    for c in samples_report.candidates:
        copy = pickle.loads(pickle.dumps(c))
        assert copy == c and candidate_dict(copy) == candidate_dict(c)
    # slim: the text of the document stays in the worker
    assert max(len(pickle.dumps(c)) for c in samples_report.candidates) < 40_000


def test_a_failure_is_a_row_with_its_code_and_message() -> None:
    row = candidate_dict(Candidate.failed("x.pdf", "encrypted", "The PDF needs a password."))
    assert row["status"] == "error" and row["error"] == {"code": "encrypted", "message": "The PDF needs a password."}
    assert row["score"] is None and row["verdict"] is None and row["skills"] == {}


def test_summary_counts_add_up(samples_report: Report) -> None:
    s = samples_report.summary
    assert s.files == len(samples_report.candidates) + len(samples_report.skipped)
    assert s.ok + s.errors == len(samples_report.candidates) and s.passed + s.review + s.failed == s.ok


@pytest.mark.parametrize("module", ["screener.discover", "screener.result", "screener.report"])
def test_light_modules_do_not_import_the_pipeline(module: str) -> None:
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"], cwd=REPO,
                          capture_output=True, text=True, check=True)
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert not {m for m in imported if m.split(".")[0] in ("spacy", "pdfminer", "docx", "pydantic")}
    assert "screener.pipeline" not in imported


def _odd_values(c: Candidate) -> Candidate:
    """A row with numbers the standard library writes with an exponent, and words that look like one."""
    skill = next(iter(c.skills))
    skills = {**c.skills, skill: replace(c.skills[skill], years=1e16, last_used="2e-3 1e16")}
    return replace(c, skills=skills, requirements=(replace(c.requirements[0], fraction=1e-05), *c.requirements[1:]))


@pytest.mark.parametrize("case", ["samples", "only skipped", "empty", "odd values"])
def test_streamed_json_is_byte_identical_to_the_whole_object(samples_report: Report, case: str) -> None:
    ok = next(c for c in samples_report.candidates if c.status == "ok" and c.requirements)
    report = {"samples": samples_report,
              "odd values": Report.of("2026-11-01", samples_report.rules, [_odd_values(ok)], []),
              "only skipped": Report.of("2026-11-01", samples_report.rules, [], samples_report.skipped),
              "empty": Report.of("2026-11-01", samples_report.rules, [], [])}[case]
    whole = json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"
    assert formatter(Format.json).render(report) == whole
