"""Hostile and broken files through the real CLI: every one gets a row or a skipped entry, quickly."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from screener.cli import main
from tests.hostile_recipes import (
    CV_TEXT,
    build_hostile,
    cpu_seconds,
    inflate_bomb_pdf,
    marked_processes,
    run_without_root_override,
    self_referencing_pdf,
)

AS_OF = "2026-11-01"


def screen_json(folder: Path, out: Path, *options: str) -> tuple[int, dict, float]:
    start = time.monotonic()
    code = main(["screen", str(folder), "--format", "json", "--output", str(out), "--as-of", AS_OF, *options])
    elapsed = time.monotonic() - start
    return code, json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}, elapsed


def test_hostile_batch(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    expected = build_hostile(folder)
    # 6 s: a file that takes half a second alone still finishes when the machine is busy
    code, report, elapsed = screen_json(folder, tmp_path / "report.json", "--timeout", "6", "--jobs", "2")
    assert code == 0
    assert elapsed < 40
    rows = {r["file"]: r for r in report["candidates"]}
    skipped = {s["file"]: s["reason"] for s in report["skipped"]}
    assert len(rows) + len(skipped) == report["summary"]["files"] == len(expected)
    for name, (kind, detail) in expected.items():
        if kind == "skipped":
            assert detail in skipped[name], name
            continue
        row = rows[name]
        assert row["status"] == kind, (name, row["error"])
        if kind == "error":
            assert row["error"]["code"] in detail, (name, row["error"])
            assert row["error"]["message"]
    assert "Traceback" not in capfd.readouterr().err


def test_xxe_does_not_leak_local_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    build_hostile(folder)
    out = tmp_path / "report.json"
    for fmt in ("json", "csv"):
        assert main(["screen", str(folder / "xxe.docx"), "-f", fmt, "-o", str(out), "--as-of", AS_OF]) == 0
        text = out.read_text(encoding="utf-8")
        assert "xxe.docx" in text and "unsafe" in text
        assert "root:" not in text and "/bin/" not in text


def test_inflate_bomb_stops_at_the_memory_limit(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bomb.pdf").write_bytes(inflate_bomb_pdf())
    (tmp_path / "in" / "cv.txt").write_text(CV_TEXT)
    code, report, elapsed = screen_json(tmp_path / "in", tmp_path / "r.json", "--memory", "512", "--jobs", "1")
    assert code == 0 and elapsed < 30
    rows = {r["file"]: r for r in report["candidates"]}
    assert rows["bomb.pdf"]["error"]["code"] == "memory", rows["bomb.pdf"]["error"]
    assert rows["cv.txt"]["status"] == "ok"  # the worker that ran out of memory was replaced


def test_text_far_longer_than_a_cv_is_refused_quickly(tmp_path: Path) -> None:
    """19 MB of text passes the size limit but is no CV: refused before it costs time or memory."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-huge.txt").write_text(CV_TEXT * (19_000_000 // len(CV_TEXT)))
    for name in ("b.txt", "c.txt"):
        (tmp_path / "in" / name).write_text(CV_TEXT)
    code, report, elapsed = screen_json(tmp_path / "in", tmp_path / "r.json", "--memory", "300", "--jobs", "1")
    assert code == 0 and elapsed < 15
    huge, *rest = report["candidates"]
    assert huge["error"]["code"] == "too_large" and "characters" in huge["error"]["message"]
    assert [r["status"] for r in rest] == ["ok", "ok"]


def test_a_stuck_worker_is_killed_and_replaced(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-loop.pdf").write_bytes(self_referencing_pdf())
    (tmp_path / "in" / "b-cv.txt").write_text(CV_TEXT)
    code, report, elapsed = screen_json(tmp_path / "in", tmp_path / "r.json", "--jobs", "1", "--timeout", "1",
                                        "--pdf-backend", "pdfminer")  # pdfminer loops on it
    assert code == 0 and elapsed < 15
    loop, cv = report["candidates"]
    assert (loop["file"], loop["error"]["code"]) == ("a-loop.pdf", "timeout")
    assert "1 s" in loop["error"]["message"]
    assert (cv["file"], cv["status"]) == ("b-cv.txt", "ok")


def test_a_worker_that_cannot_start_is_exit_3(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cv.txt").write_text(CV_TEXT)
    code = main(["screen", str(tmp_path / "cv.txt"), "-f", "json", "-o", str(tmp_path / "r.json"), "--memory", "20",
                 "--no-cache"])  # a cached CV would be scored without a worker
    err = capfd.readouterr().err
    assert code == 3
    assert "a worker process could not start" in err and "--memory" in err and "Traceback" not in err
    assert not (tmp_path / "r.json").exists()


def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "inner.txt").write_text(CV_TEXT)
    (folder / "cv.txt").write_text(CV_TEXT)
    (folder / "secret.txt").write_text(CV_TEXT)
    (folder / "secret.txt").chmod(0)
    (folder / "locked").chmod(0)
    out = tmp_path / "r.json"
    try:
        try:
            probe = run_without_root_override("-c", f"open({str(folder / 'secret.txt')!r}).read()")
        except subprocess.SubprocessError as exc:
            pytest.skip(f"cannot drop the right to read any file: {exc}")
        if probe.returncode == 0:
            pytest.skip("a mode-000 file is still readable here")
        result = run_without_root_override("-m", "screener", "screen", str(folder), "-f", "json", "-o", str(out),
                                           "--as-of", AS_OF)
    finally:
        (folder / "locked").chmod(0o755)
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    rows = {r["file"]: r for r in report["candidates"]}
    assert rows["cv.txt"]["status"] == "ok"
    assert rows["secret.txt"]["error"]["code"] == "unreadable"
    assert [s["file"] for s in report["skipped"]] == ["locked/"]
    assert "could not be read" in report["skipped"][0]["reason"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the worker through /proc")
def test_a_worker_that_dies_gives_an_internal_row(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-loop.pdf").write_bytes(self_referencing_pdf())
    (tmp_path / "in" / "b-cv.txt").write_text(CV_TEXT)
    marker = uuid.uuid4().hex
    out = tmp_path / "r.json"
    process = subprocess.Popen([sys.executable, "-m", "screener", "screen", str(tmp_path / "in"), "-f", "json",
                                "-o", str(out), "--jobs", "1", "--as-of", AS_OF, "--pdf-backend", "pdfminer"],
                               env={**os.environ, "SCREENER_TEST_MARK": marker}, stderr=subprocess.PIPE, text=True)
    try:
        worker = None
        for _ in range(200):
            procs = marked_processes(marker)
            worker = next((pid for pid, parent in procs.items() if parent in procs and parent != process.pid), None)
            if worker:
                break
            time.sleep(0.05)
        assert worker, "no worker process found"
        time.sleep(2)  # it has built its Screener and is stuck in the looping PDF
        os.kill(worker, signal.SIGSEGV)
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err
    loop, cv = json.loads(out.read_text(encoding="utf-8"))["candidates"]
    assert loop["error"]["code"] == "internal" and "SIGSEGV" in loop["error"]["message"]
    assert cv["status"] == "ok"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the workers through /proc")
def test_workers_stuck_on_a_file_die_with_a_killed_screening_process(tmp_path: Path) -> None:
    """SIGKILL gives the command no time to stop its workers: they must not go on spinning, orphaned."""
    (tmp_path / "in").mkdir()
    for name in ("a-loop.pdf", "b-loop.pdf"):
        (tmp_path / "in" / name).write_bytes(self_referencing_pdf())
    marker = uuid.uuid4().hex
    process = subprocess.Popen([sys.executable, "-m", "screener", "screen", str(tmp_path / "in"), "-f", "json",
                                "-o", str(tmp_path / "r.json"), "--jobs", "2", "--timeout", "300", "--no-cache",
                                "--no-audit", "--pdf-backend", "pdfminer"],
                               env={**os.environ, "SCREENER_TEST_MARK": marker}, stderr=subprocess.DEVNULL)
    try:
        workers: list[int] = []
        deadline = time.monotonic() + 120
        # a worker's whole start takes about 0.2 s of processor time: one that has used a second is in the loop
        while (len(workers) < 2 or min(map(cpu_seconds, workers)) < 1.0) and time.monotonic() < deadline:
            procs = marked_processes(marker)
            workers = [pid for pid, parent in procs.items() if parent in procs and parent != process.pid]
            time.sleep(0.1)
        assert len(workers) == 2 and process.poll() is None, "the workers never got stuck in the looping PDFs"
        process.kill()
        process.wait()
        killed = time.monotonic()
        while (left := marked_processes(marker)) and time.monotonic() < killed + 15:
            time.sleep(0.1)
    finally:
        process.kill()
        for pid in marked_processes(marker):  # never leave a spinning process behind, even when the test fails
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    assert left == {}, f"still running {time.monotonic() - killed:.0f} s after the command was killed: {left}"
