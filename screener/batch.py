"""Screening many files: discover, screen each (from the parse cache here, else through an executor's
worker processes), spool each row as it arrives, and give one report in a stable order."""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from screener.discover import Input, discover
from screener.executor import Executor
from screener.result import Candidate, Report, RulesInfo
from screener.spool import Packed, Row, Spool, unpacked
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
            executor.screen(inputs, settings, keep)
        elif rest := screen_cached(inputs, settings, settings.cache, keep, executor.prepare, executor.processes):
            executor.screen([inputs[i] for i in rest], settings, lambda i, row: keep(rest[i], row))
    if blind_key is not None:
        blind_key.update(key)
    return Report(settings.as_of.isoformat(), RulesInfo.of(settings.loaded), spool, skipped,
                  spool.summary(len(skipped)))


def screen_cached(inputs: Sequence[Input], settings: Settings, folder: Path, keep: Callable[[int, Row], None],
                  on_first_miss: Callable[[], None], processes: int = 1) -> list[int]:
    """Rows, in this process, for the inputs whose findings the parse cache in ``folder`` holds; the
    indexes of the others, which need reading. Scoring cached findings is small, bounded work, so it
    needs neither a worker nor its limits, and a run that finds everything cached starts no worker and
    loads neither the extractors nor spaCy. With ``processes`` > 1 and a long list, a forked copy of
    this process takes every other input. ``on_first_miss`` is called at the first file that needs
    reading (so that workers start while the rest is looked up)."""
    missed: list[int] = []

    def take(index: int, row: Row | None) -> None:
        if row is not None:
            keep(index, row)
            return
        if not missed:
            on_first_miss()
        missed.append(index)

    helper = _Helper(inputs, range(1, len(inputs), 2), settings, folder) \
        if processes > 1 and len(inputs) >= SPLIT_FROM and "fork" in multiprocessing.get_all_start_methods() \
        and sys.platform == "linux" else None
    for index, row in _cached_rows(inputs, range(0, len(inputs), 2 if helper else 1), settings, folder):
        take(index, row)
        if helper is not None:  # what it has sent so far: a full pipe would stop it until this loop ends
            for index, packed in helper.rows(wait=False):
                take(index, packed)
    if helper is not None:
        for index, packed in helper.rows(wait=True):
            take(index, packed)
    return sorted(missed)


SPLIT_FROM = 200  # inputs: fewer are scored in one process (forking costs more than half of them)


def _cached_rows(inputs: Sequence[Input], indexes: range, settings: Settings,
                 folder: Path) -> Iterator[tuple[int, Candidate | None]]:
    """Each input's row from the cache, or None where the cache does not hold its findings."""
    from screener.cache import ParseCache
    from screener.pipeline import Screener

    cache = ParseCache(folder)
    screener = Screener(settings.loaded, settings.as_of, settings.limits, cache, keep_text=settings.blind)
    try:
        for index in indexes:
            given = inputs[index]
            outcome = screener.screen_cached(given.path, given.file)
            yield index, None if outcome is None else row_of(outcome, settings.loaded, given.path, settings.blind)
    finally:
        cache.close()


class _Helper:
    """A forked copy of this process scoring some inputs from the cache and sending their rows back,
    packed, in batches. If it dies, the inputs it did not answer for are screened by workers."""

    BATCH = 64

    def __init__(self, inputs: Sequence[Input], indexes: range, settings: Settings, folder: Path) -> None:
        ctx = multiprocessing.get_context("fork")
        self.conn, child = ctx.Pipe(duplex=False)
        self.indexes = indexes
        self.answered: set[int] = set()
        self.finished = False
        self.process = ctx.Process(target=_help, args=(child, inputs, indexes, settings, folder), daemon=True)
        self.process.start()
        child.close()

    def rows(self, wait: bool) -> Iterator[tuple[int, Row | None]]:
        """The rows it has sent; with ``wait``, every row still to come, and then None for each input it
        did not answer for."""
        try:
            while not self.finished and (wait or self.conn.poll()):
                batch = self.conn.recv()
                if batch is None:
                    self.finished = True
                    break
                for index, row in batch:
                    self.answered.add(index)
                    yield index, row
        except (EOFError, OSError):
            self.finished = True  # it died: the rest are screened by workers
        if wait:
            self.conn.close()
            self.process.join()
            for index in self.indexes:
                if index not in self.answered:
                    yield index, None


def _help(conn: Connection, inputs: Sequence[Input], indexes: range, settings: Settings, folder: Path) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    batch: list[tuple[int, Packed | None]] = []
    for index, row in _cached_rows(inputs, indexes, settings, folder):
        batch.append((index, None if row is None else Packed.of(row, settings.row_text)))
        if len(batch) >= _Helper.BATCH:
            conn.send(batch)
            batch = []
    conn.send(batch)
    conn.send(None)
