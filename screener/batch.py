"""Screening many files: discover, screen each in a worker process, spool each row as it arrives, and
give one report in a stable order."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from screener.discover import discover
from screener.executor import Executor
from screener.result import Report, RulesInfo
from screener.spool import Row, Spool, unpacked
from screener.worker import Settings


def run_batch(settings: Settings, paths: list[Path], executor: Executor, spool: Spool, progress: bool = False,
              blind_key: dict[str, str] | None = None) -> Report:
    """The report for every file under ``paths``: candidates (kept in ``spool``, on disk) and skipped
    entries sorted by file name.

    Rows take their input's place whichever worker finishes first, so the report is the same for any
    number of workers, on this machine or on a Dask cluster. With ``settings.blind`` they are named by
    hash instead (sorted by that name), and ``blind_key`` receives each name's file.
    """
    inputs, skipped = discover(paths)
    key: dict[str, str] = {}
    if settings.blind:
        from screener.blind import blind_row, blind_skipped

        skipped = blind_skipped(skipped, key)
        spool.order_by_file()

    with Progress(console=Console(stderr=True), transient=True, disable=not progress) as bar:
        task = bar.add_task("screening", total=len(inputs))

        def keep(index: int, row: Row) -> None:
            spool.put(index, blind_row(unpacked(row), inputs[index], key) if settings.blind else row)
            bar.advance(task)

        executor.screen(inputs, settings, keep)
    if blind_key is not None:
        blind_key.update(key)
    return Report(settings.as_of.isoformat(), RulesInfo.of(settings.loaded), spool, skipped,
                  spool.summary(len(skipped)))
