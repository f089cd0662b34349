"""`screen --executor dask` on a local Dask cluster (loopback only): the same report byte for byte as a
local run, each file keeps its limits, and a task that fails gives its files error rows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from screener.cli import main
from tests.conftest import REPO
from tests.hostile_recipes import self_referencing_pdf

distributed = pytest.importorskip("distributed", reason="Dask is an extra: pip install 'screener[dask]'")

SAMPLES = REPO / "samples"


@pytest.fixture(scope="module")
def scheduler():
    """One worker process with two threads: Dask's own worker processes, as `dask worker` starts them."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True, host="127.0.0.1",
                                  dashboard_address=None, worker_dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def cvs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cvs")
    for path in sorted(SAMPLES.glob("[0-9]*"))[:6]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def local_report(cvs: Path, tmp_path_factory) -> bytes:
    """The same files' report from the local worker pool."""
    out = tmp_path_factory.mktemp("local") / "local.json"
    _screen(cvs, out, "--jobs", "2")
    return out.read_bytes()


def _screen(folder: Path, out: Path, *args: str) -> dict:
    assert main(["screen", str(folder), "--as-of", "2026-11-01", "-f", "json", "-o", str(out), "--no-cache",
                 *args]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_report_is_byte_identical_to_a_local_run(tmp_path: Path, cvs: Path, scheduler: str,
                                                     local_report: bytes) -> None:
    on_dask = _screen(cvs, tmp_path / "dask.json", "--executor", "dask", "--scheduler", scheduler)
    assert (tmp_path / "dask.json").read_bytes() == local_report
    assert on_dask["summary"]["ok"] == 6


def test_more_chunks_than_the_window_are_all_screened(tmp_path: Path, cvs: Path, scheduler: str,
                                                      local_report: bytes, monkeypatch) -> None:
    """One file per chunk: six chunks, and a window of four (two threads, two chunks each) refilled as they
    finish; the report is the local one, byte for byte."""
    monkeypatch.setattr("screener.executor.dask.MIN_CHUNK", 1)
    monkeypatch.setattr("screener.executor.dask.MAX_CHUNK", 1)
    _screen(cvs, tmp_path / "dask.json", "--executor", "dask", "--scheduler", scheduler)
    assert (tmp_path / "dask.json").read_bytes() == local_report


def test_each_file_keeps_its_time_limit(tmp_path: Path, cvs: Path, scheduler: str) -> None:
    folder = tmp_path / "cvs"
    shutil.copytree(cvs, folder)
    (folder / "loop.pdf").write_bytes(self_referencing_pdf())
    report = _screen(folder, tmp_path / "r.json", "--executor", "dask", "--scheduler", scheduler, "--timeout", "1",
                     "--pdf-backend", "pdfminer")  # pdfminer loops on it
    rows = {r["file"]: r for r in report["candidates"]}
    assert rows["loop.pdf"]["error"]["code"] == "timeout"
    assert sum(r["status"] == "ok" for r in rows.values()) == 6


def test_a_failed_task_gives_its_files_error_rows(tmp_path: Path, cvs: Path, scheduler: str) -> None:
    # 30 MiB is too little for a screening process to load the pipeline: every task fails as a whole
    report = _screen(cvs, tmp_path / "r.json", "--executor", "dask", "--scheduler", scheduler, "--memory", "30")
    assert report["summary"]["errors"] == report["summary"]["files"] == 6
    for row in report["candidates"]:
        assert row["error"]["code"] == "internal"
        assert "Dask task" in row["error"]["message"] and "--memory" in row["error"]["message"]


def test_dask_needs_a_scheduler_and_one_that_answers(capsys, monkeypatch) -> None:
    monkeypatch.setattr("screener.executor.dask.CONNECT_TIMEOUT", 1.0)
    assert main(["screen", str(SAMPLES), "--executor", "dask"]) == 2
    assert "--scheduler" in capsys.readouterr().err
    # without the cache, so that there is work to send (files whose findings are cached are scored here)
    assert main(["screen", str(SAMPLES), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9", "--no-cache"]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
