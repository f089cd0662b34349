"""Streaming a batch: rows spooled on disk as they arrive, reports written from the spool byte for byte as
from memory, and Ctrl-C leaving neither report nor spool."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screener.cli import main
from screener.report import Format, formatter
from screener.report.contract import candidate_text, report_dict
from screener.result import Report, Summary, rank_key
from screener.spool import Packed, Spool
from tests.conftest import REPO
from tests.hostile_recipes import CV_TEXT


@pytest.fixture()
def spooled(samples_report: Report, tmp_path: Path):
    """The samples' report with its rows in a spool, put in the order a pool might finish them."""
    with Spool(tmp_path) as spool:
        for i in reversed(range(len(samples_report.candidates))):
            spool.put(i, samples_report.candidates[i])
        yield Report(samples_report.as_of, samples_report.rules, spool, samples_report.skipped,
                     spool.summary(len(samples_report.skipped)))


def test_streamed_json_is_byte_identical_to_the_in_memory_json(samples_report: Report, spooled: Report) -> None:
    in_memory = json.dumps(report_dict(samples_report), indent=2, ensure_ascii=False) + "\n"
    assert formatter(Format.json).render(spooled) == in_memory
    assert formatter(Format.json).render(samples_report) == in_memory
    assert len(json.loads(in_memory)["candidates"]) == len(samples_report.candidates) > 10


def test_rows_spooled_with_their_text_give_the_same_json(samples_report: Report, tmp_path: Path) -> None:
    """Workers encode each row's JSON as they make it; the parent's own rows, and rows that come without
    it, are encoded when spooled: the report is the same bytes either way."""
    in_memory = json.dumps(report_dict(samples_report), indent=2, ensure_ascii=False) + "\n"
    with Spool(tmp_path, candidate_text) as spool:
        for i in reversed(range(len(samples_report.candidates))):
            row = samples_report.candidates[i]
            spool.put(i, [row, Packed.of(row), Packed.of(row, candidate_text)][i % 3])
        report = Report(samples_report.as_of, samples_report.rules, spool, samples_report.skipped,
                        spool.summary(len(samples_report.skipped)))
        assert formatter(Format.json).render(report) == in_memory
        assert list(spool) == list(samples_report.candidates)  # the rows themselves read back as they were


@pytest.mark.parametrize("name", ["samples.json", "samples.jsonl", "samples.csv", "samples.md", "samples.html"])
def test_the_command_line_streams_each_golden_file_byte_for_byte(tmp_path: Path, name: str) -> None:
    """Through worker processes and the spool to an atomically renamed file: the committed bytes."""
    out = tmp_path / name
    with contextlib.chdir(REPO):
        assert main(["screen", "samples", "--as-of", "2026-11-01", "--output", str(out), "--jobs", "2"]) == 0
    assert out.read_bytes() == (REPO / "tests" / "golden" / name).read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_streamed_json_of_a_batch_without_candidates(samples_report: Report, tmp_path: Path) -> None:
    with Spool(tmp_path) as spool:
        empty = Report(samples_report.as_of, samples_report.rules, spool, samples_report.skipped,
                       spool.summary(len(samples_report.skipped)))
        text = formatter(Format.json).render(empty)
    assert text == json.dumps(report_dict(empty), indent=2, ensure_ascii=False) + "\n"
    assert json.loads(text)["candidates"] == []


@pytest.mark.parametrize("fmt", [f for f in Format if f is not Format.json])
def test_every_format_reads_the_spool_as_it_reads_memory(samples_report: Report, spooled: Report, fmt: Format) -> None:
    assert formatter(fmt).render(spooled) == formatter(fmt).render(samples_report)


def test_the_spool_keeps_order_ranking_and_counts(samples_report: Report, spooled: Report) -> None:
    assert list(spooled.candidates) == list(samples_report.candidates)  # file order, whatever the arrival order
    assert list(spooled.ranked()) == sorted(samples_report.candidates, key=rank_key)
    assert spooled.summary == Summary.of(samples_report.candidates, len(samples_report.skipped))
    assert spooled.ranked()[-1] == sorted(samples_report.candidates, key=rank_key)[-1]


def test_the_spool_has_no_name_in_its_folder(samples_report: Report, tmp_path: Path) -> None:
    with Spool(tmp_path) as spool:
        spool.put(0, samples_report.candidates[0])
        assert list(tmp_path.iterdir()) == []  # unlinked from the start: nothing to leave behind
        assert spool[0] == samples_report.candidates[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process's open files in /proc")
def test_ctrl_c_mid_batch_leaves_no_report_and_no_spool(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(400):
        (folder / f"cv{i:03d}.txt").write_text(CV_TEXT + f"\nReference {i}\n", encoding="utf-8")
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    process = subprocess.Popen([sys.executable, "-m", "screener", "screen", str(folder), "-f", "json", "-o", str(out),
                                "--jobs", "2", "--no-cache"], stderr=subprocess.PIPE, text=True)
    try:
        spool = _wait_for_rows(process.pid, out.parent)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert spool > 0, "the batch was interrupted before any row was spooled"
    assert process.returncode == 130 and "Traceback" not in err
    assert list(out.parent.iterdir()) == []  # no report, no half-written report, no spool


def _wait_for_rows(pid: int, folder: Path) -> int:
    """The size of the process's spool in ``folder`` once it holds a row (0 if it never did)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
                if target.startswith(str(folder)) and target.endswith("(deleted)") and fd.stat().st_size > 0:
                    return fd.stat().st_size
            except OSError:
                continue
        time.sleep(0.05)
    return 0
