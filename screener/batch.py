"""Screening many files: discover, screen each (from the parse cache here, else through an executor's
worker processes), spool each row as it arrives, and give one report in a stable order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from screener.discover import Input, discover
from screener.executor import Executor
from screener.result import Report, RulesInfo
from screener.spool import Row, Spool, unpacked
from screener.worker import Settings, row_of


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

        if settings.cache is None:
            executor.prepare()
            rest = list(range(len(inputs)))
        else:
            rest = screen_cached(inputs, settings, settings.cache, keep, executor.prepare)
        if rest:
            executor.screen([inputs[i] for i in rest], settings, lambda i, row: keep(rest[i], row))
    if blind_key is not None:
        blind_key.update(key)
    return Report(settings.as_of.isoformat(), RulesInfo.of(settings.loaded), spool, skipped,
                  spool.summary(len(skipped)))


def screen_cached(inputs: Sequence[Input], settings: Settings, folder: Path, keep: Callable[[int, Row], None],
                  on_first_miss: Callable[[], None]) -> list[int]:
    """Rows, in this process, for the inputs whose findings the parse cache in ``folder`` holds; the indexes of the
    others, which need reading. Scoring cached findings is small, bounded work, so it needs neither a
    worker nor its limits, and a run that finds everything cached starts no worker and loads neither
    the extractors nor spaCy. ``on_first_miss`` is called at the first file that needs reading (so that
    workers start while the rest is looked up)."""
    from screener.cache import ParseCache
    from screener.pipeline import Screener

    cache = ParseCache(folder)
    screener = Screener(settings.loaded, settings.as_of, settings.limits, cache, keep_text=settings.blind)
    missed: list[int] = []
    try:
        for index, given in enumerate(inputs):
            outcome = screener.screen_cached(given.path, given.file)
            if outcome is not None:
                keep(index, row_of(outcome, settings.loaded, given.path, settings.blind))
                continue
            if not missed:
                on_first_miss()
            missed.append(index)
    finally:
        cache.close()
    return missed
