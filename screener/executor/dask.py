"""Screening on a Dask cluster: the same per-file work as on one machine, as tasks on its workers.

Each task is a small chunk of files screened by the local worker pool (:mod:`screener.worker`) inside a
Dask worker, so every file keeps its time and memory limits and a file that kills its screening process
is a row, exactly as on one machine. A task that fails as a whole (its Dask worker died or was lost)
gives each of its files an error row. Rows are handed over with their inputs' indexes, so the report is
the same as a local run's. Dask workers must see the files (and the cache folder) at the same paths.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from screener.errors import ScreenerError
from screener.result import Candidate
from screener.spool import Row
from screener.worker import Settings, screen_all

if TYPE_CHECKING:
    from screener.discover import Input

# A chunk starts one screening process (about half a second: spaCy and the rules' matchers), so it should
# hold enough files to pay for it, and there should be enough chunks for every Dask thread, twice over.
CHUNKS_PER_THREAD = 2
MIN_CHUNK, MAX_CHUNK = 16, 128
CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler


def screen_on_dask(tasks: Sequence[Input], settings: Settings, scheduler: str,
                   on_row: Callable[[int, Row], None]) -> None:
    """``on_row(index, row)`` once per task, screened on the cluster at ``scheduler``, a chunk at a time."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ScreenerError("--executor dask needs Dask: pip install 'screener[dask]'") from None
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except OSError as exc:
        raise ScreenerError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        threads = sum(client.nthreads().values()) or 1
        size = max(MIN_CHUNK, min(MAX_CHUNK, math.ceil(len(tasks) / (threads * CHUNKS_PER_THREAD))))
        chunks = (range(i, min(i + size, len(tasks))) for i in range(0, len(tasks), size))
        shared = client.scatter(settings, broadcast=True)
        sent: dict[Any, range] = {}
        finished = as_completed(loop=client.loop)

        def send(chunk: range) -> None:
            future = client.submit(screen_chunk, [tasks[i] for i in chunk], shared, pure=False)
            sent[future] = chunk
            finished.add(future)

        # a few chunks per thread at a time, each finished one replaced by the next: the client holds a
        # window of the batch, not every file's task and result at once
        for chunk in itertools.islice(chunks, threads * CHUNKS_PER_THREAD):
            send(chunk)
        for future in finished:
            chunk = sent.pop(future)
            rows = _rows_or_errors(future, [tasks[i].file for i in chunk])
            for i, row in zip(chunk, rows, strict=True):
                on_row(i, row)
            if (following := next(chunks, None)) is not None:
                send(following)


def screen_chunk(tasks: list[Input], settings: Settings) -> list[Row]:
    """The task run on a Dask worker: its files screened one at a time, each in a limited process.

    Dask starts its workers as daemonic processes, which multiprocessing forbids to start children;
    screening processes need no daemon flag, as they die with their parent anyway (PR_SET_PDEATHSIG)."""
    multiprocessing.current_process()._config.pop("daemon", None)  # type: ignore[attr-defined]
    return screen_all(tasks, settings, jobs=1)


def _rows_or_errors(future: Any, files: list[str]) -> list[Row]:
    try:
        rows: list[Row] = future.result()
        return rows
    except Exception as exc:  # noqa: BLE001 (KilledWorker, a lost worker, a bug: the batch goes on)
        why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        message = f"The Dask task screening this file failed ({why}); please report it if it happens again."
        return [Candidate.failed(file, "internal", message) for file in files]
