"""Screening many files: discover, screen each in a worker process, gather one report in a stable order."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from screener.discover import discover
from screener.executor import Executor
from screener.result import Report, RulesInfo
from screener.worker import Settings


def run_batch(settings: Settings, paths: list[Path], executor: Executor, progress: bool = False,
              blind_key: dict[str, str] | None = None) -> Report:
    """The report for every file under ``paths``: candidates and skipped entries sorted by file name.

    Rows come back in the inputs' order whichever worker finishes first, so the report is the
    same for any number of workers, on this machine or on a Dask cluster. With ``settings.blind``
    they are named by hash instead (sorted by that name), and ``blind_key`` receives each name's file.
    """
    inputs, skipped = discover(paths)
    with Progress(console=Console(stderr=True), transient=True, disable=not progress) as bar:
        task = bar.add_task("screening", total=len(inputs))
        rows = executor.screen(inputs, settings, on_done=lambda: bar.advance(task))
    if settings.blind:
        from screener.blind import blind_rows

        rows, skipped, key = blind_rows(rows, inputs, skipped)
        if blind_key is not None:
            blind_key.update(key)
    return Report.of(settings.as_of.isoformat(), RulesInfo.of(settings.loaded), rows, skipped)
