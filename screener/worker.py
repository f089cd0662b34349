"""Screening in worker processes: one file at a time per worker, bounded in time and memory.

The parent hands a file to an idle worker and watches its deadline. A worker that overruns is killed
and replaced; one that dies is replaced; either way the file gets an error row and the batch goes
on. (``multiprocessing.Pool`` cannot kill one stuck task, hence this small pool.) Workers come from a
forkserver that has already imported the pipeline, so a replacement starts in a fraction of a second;
each builds its :class:`Screener` once, then tells the parent it is ready. Files whose findings the
parse cache holds never come here: the parent scores them itself (see screener.batch).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import pickle
import signal
import time
import warnings
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screener.errors import WorkerStartError
from screener.extract import READERS, Limits
from screener.result import Candidate
from screener.spool import Packed, Row, RowText

if TYPE_CHECKING:  # the pipeline is imported only where it runs, so that prepare() can start early
    from screener.discover import Input
    from screener.pipeline import Screener
    from screener.result import Outcome
    from screener.rules import LoadedRules

# What a worker needs, imported once by the forkserver (the package imports stages only when used).
_PRELOAD = ["screener.pipeline", "screener.findings", "screener.skills", "screener.parse.positions",
            "screener.parse.sections", "screener.parse.date_checks", "screener.parse.stated", *READERS]


@dataclass(frozen=True)
class Settings:
    """What every worker needs; the rules are passed loaded, so all workers use the same ones."""

    loaded: LoadedRules
    as_of: date
    limits: Limits = field(default_factory=Limits)
    timeout: float = 60.0  # seconds per file
    memory_mb: int = 1024  # address-space cap per worker; 0 = none
    blind: bool = False  # rows without the person's name, contact details or places (screener.blind)
    cache: Path | None = None  # the parse cache's folder; None = no cache
    row_text: RowText | None = None  # each row's text for the report, made with the row (screener.spool.Packed)


# --- the worker side ---------------------------------------------------------------------------------

def _serve(conn: Connection, settings: Settings) -> None:
    """A worker's life: build the Screener, then screen one task at a time until told to stop.

    After a MemoryError it answers once more and exits: it is replaced rather than trusted."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent handles it
    _die_with_parent()
    logging.disable(logging.CRITICAL)  # pdfminer's complaints about damaged files are not for the user
    warnings.simplefilter("ignore")
    try:
        try:
            from screener.cache import ParseCache
            from screener.pipeline import Screener

            _limit_memory(settings.memory_mb)
            cache = ParseCache(settings.cache) if settings.cache else None
            screener = Screener(settings.loaded, settings.as_of, settings.limits, cache, keep_text=settings.blind)
            screener.finder.skills  # noqa: B018 (built now: a --memory too small for spaCy fails the start)
        except BaseException as exc:  # noqa: BLE001 (e.g. a --memory too small to load the pipeline)
            with contextlib.suppress(BaseException):  # even the message may not fit in the memory left
                conn.send(("failed", f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__))
            return
        conn.send(("ready", None))
        healthy = True
        while healthy and (task := conn.recv()) is not None:
            outcome, healthy = _screen(screener, task, settings.memory_mb, settings.blind)
            try:
                conn.send(("done" if healthy else "last", Packed.of(outcome, settings.row_text)))
            except MemoryError:
                conn.send(("last", _memory_error(task.file, settings.memory_mb)))
                healthy = False
    except (EOFError, OSError):
        return  # the parent has gone


def _screen(screener: Screener, task: Input, memory_mb: int, blind: bool = False) -> tuple[Candidate, bool]:
    try:
        return row_of(screener.screen_file(task.path, task.file), screener.loaded, task.path, blind), True
    except MemoryError:
        return _memory_error(task.file, memory_mb), False
    except Exception as exc:  # noqa: BLE001 (a bug on one file must not stop the batch)
        return Candidate.failed(task.file, "internal", f"screener failed on this file ({type(exc).__name__}: "
                                                      f"{exc}); please report it."), True


def row_of(outcome: Outcome, loaded: LoadedRules, path: Path, blind: bool) -> Candidate:
    """The report row of a screened file; with ``blind``, redacted (see screener.blind)."""
    if blind:
        from screener.blind import blind_candidate

        return blind_candidate(outcome, loaded, path)
    return Candidate.from_outcome(outcome)


def _memory_error(file: str, memory_mb: int) -> Candidate:
    return Candidate.failed(file, "memory", f"Reading the document needed more than the {memory_mb} MiB memory limit.")


def _limit_memory(memory_mb: int) -> None:
    if memory_mb <= 0:
        return
    try:
        import resource
    except ImportError:  # not on Windows
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when the screening process dies, even by SIGKILL.

    A worker's parent is the forkserver (see _context), so PR_SET_PDEATHSIG fires when the forkserver
    exits, which it does when the screening process dies — but only once no worker holds the pipe that
    tells it so, and each worker is given a copy: closed here, after the signal is set (so no death falls
    in between), else a worker stuck on a file would keep the forkserver, and so itself, alive."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    from multiprocessing import forkserver

    server = forkserver._forkserver
    if (alive := getattr(server, "_forkserver_alive_fd", None)) is not None:
        os.close(alive)
        server._forkserver_alive_fd = None  # type: ignore[attr-defined]


# --- the parent side ---------------------------------------------------------------------------------

class _Worker:
    def __init__(self, ctx: Any, settings: Settings) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, settings), daemon=True)
        self.process.start()
        child.close()
        self.ready = False  # built its Screener and may be given a task
        self.leaving = False  # said its last result was its last
        self.task: int | None = None
        self.deadline = float("inf")

    def stop(self) -> None:
        if self.process.is_alive():  # also reaps: never signal a pid that may have been reused
            self.process.kill()
        self.process.join()
        self.conn.close()


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def prepare() -> None:
    """Start the forkserver now, so that it imports the pipeline while the caller is still importing."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def screen_all(tasks: Sequence[Input], settings: Settings, jobs: int) -> list[Row]:
    """One report row per task, in the tasks' order, screened by up to ``jobs`` workers."""
    results: list[Row | None] = [None] * len(tasks)

    def keep(index: int, row: Row) -> None:
        results[index] = row

    screen_each(tasks, settings, jobs, keep)
    return [r for r in results if r is not None]


def screen_each(tasks: Sequence[Input], settings: Settings, jobs: int,
                on_row: Callable[[int, Row], None]) -> None:
    """Screen every task with up to ``jobs`` workers, handing each row to ``on_row(task index, row)`` as it
    finishes (in no particular order), so the caller decides what to keep of it."""
    order = _largest_first(tasks)
    given = 0  # tasks go out in that order, one to each idle worker: none is queued ahead in the parent
    ctx = _context()
    workers: list[_Worker] = []
    done = 0

    def emit(index: int, row: Row) -> None:
        nonlocal done
        done += 1
        on_row(index, row)

    with sigterm_interrupts():
        try:
            while given < len(tasks) or any(w.task is not None for w in workers):
                busy = sum(w.task is not None for w in workers)
                while sum(not w.leaving for w in workers) < min(jobs, len(tasks) - given + busy):
                    workers.append(_Worker(ctx, settings))
                for w in workers:
                    if w.ready and w.task is None and given < len(tasks):
                        w.task, given = order[given], given + 1
                        w.deadline = time.monotonic() + settings.timeout
                        with contextlib.suppress(OSError):  # it has died: retired below, its task reported
                            w.conn.send(tasks[w.task])
                _wait(workers)
                for w in list(workers):
                    dead = not w.process.is_alive()  # before reading, so a last message is not lost
                    _collect(w, emit, settings)
                    if dead or w.deadline <= time.monotonic():
                        _retire(w, tasks, emit, settings)
                        workers.remove(w)
        finally:
            for w in workers:
                w.stop()
    if done != len(tasks):
        raise RuntimeError("a file was left without a row")


def _largest_first(tasks: Sequence[Input]) -> array[int]:
    """The tasks' indexes, largest file first (in the given order among equals): a long file handed out
    last keeps one worker busy while the others have nothing left to do (a 70-page PDF takes seconds)."""
    def size(index: int) -> int:
        try:
            return os.stat(tasks[index].location).st_size
        except OSError:
            return 0  # its worker reports why it cannot be read

    return array("q", sorted(range(len(tasks)), key=size, reverse=True))


def _wait(workers: list[_Worker]) -> None:
    deadline = min((w.deadline for w in workers if w.task is not None), default=None)
    timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
    wait([w.conn for w in workers] + [w.process.sentinel for w in workers], timeout)


def _collect(w: _Worker, emit: Callable[[int, Row], None], settings: Settings) -> None:
    """Read a worker's message if one is waiting; a finished task's row goes to ``emit``."""
    try:
        if not w.conn.poll():
            return
        kind, payload = w.conn.recv()
    except (EOFError, OSError, pickle.UnpicklingError, ValueError):
        return  # it died, perhaps mid-message (out of memory); _retire reports the task it had
    if kind == "failed":
        raise WorkerStartError(_start_failure(str(payload), settings))
    if kind == "ready":
        w.ready = True
        return
    if w.task is None:
        raise RuntimeError("a worker answered without a task")
    task, w.task, w.deadline = w.task, None, float("inf")
    if kind == "last":
        w.ready, w.leaving = False, True
    emit(task, payload)


def _retire(w: _Worker, tasks: Sequence[Input], emit: Callable[[int, Row], None], settings: Settings) -> None:
    """Stop a worker that overran or died, giving its task (if any) an error outcome."""
    overran = w.process.is_alive()
    w.stop()
    if w.task is None:
        if not (w.ready or w.leaving):
            raise WorkerStartError(_start_failure(f"exit code {w.process.exitcode}", settings))
        return
    file = tasks[w.task].file
    if overran:
        emit(w.task, Candidate.failed(file, "timeout", f"Reading the document took longer than the "
                                                       f"{settings.timeout:g} s time limit; it was stopped."))
    elif w.process.exitcode in (-signal.SIGKILL, -signal.SIGABRT):  # the OOM killer; native code (pdfium)
        # aborting when an allocation fails under the memory cap
        emit(w.task, Candidate.failed(file, "memory", f"The worker reading the document was stopped "
                                                      f"({_signal_name(-w.process.exitcode)}), most likely "
                                                      f"for using too much memory."))
    else:
        code = w.process.exitcode or 0
        how = f"exit code {code}" if code >= 0 else f"signal {_signal_name(-code)}"
        emit(w.task, Candidate.failed(file, "internal", "The worker reading the document stopped "
                                                        f"unexpectedly ({how}); please report it."))


def _start_failure(why: str, settings: Settings) -> str:
    advice = (f"; with --memory {settings.memory_mb} MiB per worker, a larger --memory may help"
              if settings.memory_mb else "")
    return f"a worker process could not start ({why}){advice}"


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C while workers run, so they are stopped rather than orphaned."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
